import { ahp, type Plan } from '@jixiao/engine';
import { Alert, Button, Descriptions, Modal, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fillReciprocal,
  impliedMatrix,
  roundWeights,
  SAATY_OPTIONS,
  saatyLabel,
  upperOf,
} from './ahpMatrix.js';
import { levelChildren } from './edit.js';
import { issueText } from './tree.js';

/** CI and CR under either name the engine has used (ci/cr or consistencyIndex/consistencyRatio). */
function consistency(r: ReturnType<typeof ahp>) {
  const x = r as unknown as Record<string, unknown>;
  const pick = (...keys: string[]) => {
    for (const k of keys) if (typeof x[k] === 'number') return x[k] as number;
    return 0;
  };
  return { ...r, ci: pick('ci', 'consistencyIndex'), cr: pick('cr', 'consistencyRatio') };
}

export type AhpLevel = { component: string } | { indicator: string };

/**
 * Pairwise comparison of a level's children → weights (principal eigenvector) and CR; "apply" writes
 * them. Read-only (an active or archived plan), it shows the stored judgement matrix with its
 * consistency, or — for a level whose points or weights were set directly — the ratio matrix they imply.
 */
export function AhpModal({
  plan,
  level,
  title,
  onApply,
  onClose,
  readOnly = false,
}: {
  plan: Plan;
  level: AhpLevel;
  title: string;
  onApply?: (weights: number[], matrix: number[][]) => void;
  onClose: () => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const kids = useMemo(() => levelChildren(plan, level), [plan, level]);
  const n = kids.length;
  const levelCode = 'indicator' in level ? level.indicator : level.component;
  const stored =
    'indicator' in level ? plan.indicators.find((i) => i.code === level.indicator)?.ahp : undefined;
  const hasStored = !!stored && stored.length === n;
  const [upper, setUpper] = useState<(number | null)[][]>(() =>
    hasStored ? upperOf(stored, n) : upperOf([], n),
  );
  const implied = useMemo(
    () =>
      impliedMatrix(
        kids.map((k) => {
          const ind = plan.indicators[k.index];
          return plan.scoring === 'points' ? ind?.points : ind?.weight;
        }),
      ),
    [kids, plan],
  );
  const edited = useMemo(() => fillReciprocal(upper), [upper]);
  const matrix = readOnly && !hasStored ? implied : edited;
  const result = useMemo(() => (n >= 2 ? consistency(ahp(matrix)) : null), [matrix, n]);
  const rounded = useMemo(() => (result?.weights.length ? roundWeights(result.weights, 4) : []), [result]);
  const set = (i: number, j: number, v: number) =>
    setUpper((u) => u.map((row, r) => (r === i ? row.map((x, c) => (c === j ? v : x)) : row)));

  return (
    <Modal
      open
      width={Math.min(1100, 220 + n * 96)}
      title={`${t('ahp.title', { name: title })}${readOnly ? t('ahpView.readOnlySuffix') : ''}`}
      onCancel={onClose}
      footer={
        readOnly
          ? [
              <Button key="c" onClick={onClose} data-testid="ahp-close">
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button key="c" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button
                key="a"
                type="primary"
                data-testid="ahp-apply"
                disabled={!result?.consistent}
                onClick={() => onApply?.(rounded, matrix)}
              >
                {t('ahp.apply')}
              </Button>,
            ]
      }
    >
      {n < 2 ? (
        <Alert type="warning" showIcon title={t('ahp.needTwo')} />
      ) : (
        <>
          {readOnly ? (
            <Alert
              data-testid="ahp-readonly"
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={hasStored ? t('ahpView.stored') : t('ahpView.implied')}
            />
          ) : (
            <Typography.Paragraph type="secondary">{t('ahp.hint')}</Typography.Paragraph>
          )}
          <div style={{ overflowX: 'auto' }}>
            <table data-testid="ahp-matrix" style={{ borderCollapse: 'collapse', fontSize: 12 }}>
              <thead>
                <tr>
                  <th />
                  {kids.map((k) => (
                    <th key={k.code} style={{ padding: 4, fontWeight: 500 }} title={k.name}>
                      {k.code}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {kids.map((row, i) => (
                  <tr key={row.code}>
                    <th style={{ padding: 4, textAlign: 'left', fontWeight: 500, whiteSpace: 'nowrap' }}>
                      {row.code} {row.name}
                    </th>
                    {kids.map((col, j) => (
                      <td key={col.code} style={{ padding: 2, textAlign: 'center', minWidth: 88 }}>
                        {j > i && !readOnly ? (
                          <Select
                            size="small"
                            style={{ width: 84 }}
                            value={saatyLabel(upper[i]?.[j] ?? 1)}
                            onChange={(label) =>
                              set(i, j, SAATY_OPTIONS.find((o) => o.label === label)!.value)
                            }
                            options={SAATY_OPTIONS.map((o) => ({ value: o.label, label: o.label }))}
                          />
                        ) : (
                          <Typography.Text type={i === j ? undefined : 'secondary'}>
                            {saatyLabel(matrix[i]![j]!)}
                          </Typography.Text>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result && (
            <>
              <Table
                size="small"
                style={{ marginTop: 12 }}
                pagination={false}
                rowKey="code"
                dataSource={kids.map((k, i) => ({ ...k, w: result.weights[i], r: rounded[i] }))}
                columns={[
                  { title: t('ahp.item'), key: 'i', render: (_, k) => `${k.code} ${k.name}` },
                  {
                    title: t('ahp.weight'),
                    dataIndex: 'r',
                    align: 'right',
                    render: (v?: number) => (v === undefined ? '—' : v.toFixed(4)),
                  },
                ]}
              />
              <Descriptions
                size="small"
                column={4}
                style={{ marginTop: 12 }}
                items={[
                  { key: 'l', label: t('ahp.lambdaMax'), children: result.lambdaMax.toFixed(4) },
                  { key: 'ci', label: t('ahp.ci'), children: result.ci.toFixed(4) },
                  { key: 'ri', label: t('ahp.ri'), children: result.ri },
                  {
                    key: 'cr',
                    label: t('ahp.cr'),
                    children: <b data-testid="ahp-cr">{result.cr.toFixed(4)}</b>,
                  },
                ]}
              />
              <Alert
                data-testid="ahp-consistency"
                type={result.consistent ? 'success' : 'error'}
                showIcon
                title={result.consistent ? t('ahp.consistent') : t('ahp.inconsistent')}
                description={
                  result.issues.length
                    ? result.issues
                        .map((i) =>
                          issueText({ code: i.code, params: { ...i.params, indicator: levelCode } }, t),
                        )
                        .join(t('planIssue.listSep'))
                    : undefined
                }
              />
            </>
          )}
        </>
      )}
    </Modal>
  );
}
