import type { UnitScore } from '@jixiao/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function GradeTag({ grade }: { grade: UnitScore['grade'] }) {
  const { t } = useTranslation();
  if (!grade) return <Tag>{t('results.noGrade')}</Tag>;
  return (
    <Tag data-testid="results-grade" color={grade.color} style={{ marginInlineEnd: 0 }}>
      {grade.name}
      {grade.downgraded ? ` (${t('results.downgraded')})` : ''}
    </Tag>
  );
}
