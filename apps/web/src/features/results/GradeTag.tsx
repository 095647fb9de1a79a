import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A grade in its colour (a downgraded one says so); a result without grades shows 无等次. */
/** A grade as text (an export's cell): its name, marked when downgraded; null without a grade. */
export const gradeText = (
  grade: { name: string; downgraded?: boolean } | null,
  t: (k: string) => string,
): string | null =>
  grade ? `${grade.name}${grade.downgraded ? ` (${t('results.downgraded')})` : ''}` : null;

export function GradeTag({ grade }: { grade: { name: string; color: string; downgraded?: boolean } | null }) {
  const { t } = useTranslation();
  if (!grade) return <Tag>{t('results.noGrade')}</Tag>;
  return (
    <Tag data-testid="results-grade" color={grade.color} style={{ marginInlineEnd: 0 }}>
      {grade.name}
      {grade.downgraded ? ` (${t('results.downgraded')})` : ''}
    </Tag>
  );
}
