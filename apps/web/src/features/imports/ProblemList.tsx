import type { ImportProblem } from '@jixiao/contracts';
import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatProblem, type ProblemWords, sortProblems } from './problems.js';

/** Every problem of a file, one sentence each, in file order (the data import's and the hotline's). */
export function ProblemList({ problems, words }: { problems: ImportProblem[]; words?: ProblemWords }) {
  const { t } = useTranslation();
  const tt = (k: string, p?: Record<string, string | number>) => t(k, p ?? {});
  return (
    <List
      data-testid="imp-problems"
      size="small"
      bordered
      header={
        <Typography.Text type="danger">{t('imports.problems', { n: problems.length })}</Typography.Text>
      }
      dataSource={sortProblems(problems)}
      pagination={problems.length > 20 ? { pageSize: 20, size: 'small' } : false}
      renderItem={(p) => (
        <List.Item data-testid="imp-problem" data-code={p.code} data-line={p.line}>
          <Typography.Text style={{ wordBreak: 'break-word' }}>{formatProblem(tt, p, words)}</Typography.Text>
        </List.Item>
      )}
    />
  );
}
