import type { ConsequenceLine, ConsequenceRuleInfo } from '@jixiao/contracts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { lineView } from './lines.js';

/** The colour of a rule kind's tag (lines here, rules in the plan editor). */
export const KIND_COLOR: Record<ConsequenceLine['kind'], string> = {
  excellenceQuota: 'blue',
  bottomN: 'orange',
  streak: 'red',
  award: 'green',
  vetoBar: 'magenta',
};

/** One consequence line: the plan rule's name (and catalogue id), what it says, and its inputs. */
export function LineItem({
  line,
  rule,
  gradeName,
}: {
  line: ConsequenceLine;
  rule: ConsequenceRuleInfo | undefined;
  gradeName: (code: unknown) => string;
}) {
  const { t } = useTranslation();
  const v = lineView(line, t, gradeName);
  return (
    <div
      data-testid="consequence-line"
      data-rule={line.rule}
      data-code={line.code}
      style={{ marginBottom: 6 }}
    >
      <Tag color={KIND_COLOR[line.kind]} style={{ whiteSpace: 'normal' }}>
        {rule?.name ?? line.rule}
        {rule?.ref ? ` · ${rule.ref}` : ''}
      </Tag>
      <Typography.Text strong data-testid="consequence-line-text">
        {v.text}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="consequence-line-inputs">
          {v.inputs}
        </Typography.Text>
      </div>
    </div>
  );
}

/** Grade names by code from what the page has (units' grades): lines name grades by code. */
export function gradeNamer(grades: readonly ({ code: string; name: string } | null)[]) {
  const names = new Map(grades.flatMap((g) => (g ? [[g.code, g.name] as const] : [])));
  return (code: unknown) => names.get(String(code)) ?? String(code ?? '—');
}
