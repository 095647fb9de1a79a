import type { DecompositionTree } from '@jixiao/contracts';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Coverage } from './coverage.js';

export function CoverageSummary({
  rule,
  coverage,
  labelOf,
  hasParts,
}: {
  rule: DecompositionTree['rule'];
  coverage: Coverage;
  labelOf: (key: string | null) => string;
  hasParts: boolean;
}) {
  const { t } = useTranslation();
  if (!hasParts) return null;
  if (rule === 'free')
    return <Alert data-testid="decomp-coverage" data-ok="1" type="info" showIcon title={t('decomp.free')} />;
  const lines = [
    ...coverage.groups
      .filter((g) => g.whole !== null && (g.total !== null || rule === 'each') && g.ok)
      .map((g) =>
        rule === 'sum'
          ? t('decomp.sumOk', { label: g.label, total: g.total, whole: g.whole })
          : t('decomp.eachOk', { label: g.label, whole: g.whole }),
      ),
    ...coverage.problems.map((p) => {
      switch (p.kind) {
        case 'missing':
        case 'precision':
          return t(`decomp.problem.${p.kind}`, { label: labelOf(p.key) });
        case 'no_whole':
          return t('decomp.problem.no_whole', { label: labelOf(p.parent) });
        case 'sum':
          return t('decomp.problem.sum', { label: labelOf(p.parent), total: p.total, whole: p.whole });
        case 'below':
          return t('decomp.problem.below', { label: labelOf(p.key), value: p.value, whole: p.whole });
      }
      return '';
    }),
  ];
  return (
    <Alert
      data-testid="decomp-coverage"
      data-ok={coverage.ok ? '1' : '0'}
      type={coverage.ok ? 'success' : 'error'}
      showIcon
      title={coverage.ok ? t('decomp.ok') : t('decomp.bad', { n: coverage.problems.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      }
    />
  );
}
