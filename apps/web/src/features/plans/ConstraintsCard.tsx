import type { Plan } from '@jixiao/engine';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { type PanelProps, PctInput } from './FormBits.js';
import { codeOptions, issuesAt, type Path, setIn } from './forms.js';
import { fieldColumns, ListTable } from './ListTable.js';

type Constraint = NonNullable<Plan['constraints']>[number];

/** Structure constraints: a minimum or maximum share of the points for chosen components, tags or indicators. */
export function ConstraintsCard({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const set = (path: Path, v: unknown) => change(setIn(doc, path, v));
  const list = doc.constraints ?? [];
  const col = fieldColumns<Constraint>(doc, change, ['constraints']);
  const c = (k: string) => t(`planForms.constraints.${k}`);
  const tagOptions = [...new Set((doc.indicators ?? []).flatMap((i) => i.tags ?? []))].map((x) => ({
    value: x,
    label: x,
  }));
  return (
    <Card size="small" title={c('title')}>
      <ListTable
        doc={doc}
        change={change}
        testId="plan-constraints"
        path={['constraints']}
        rows={list}
        actionsWidth={40}
        addTestId="constraint-add"
        addLabel={c('add')}
        newItem={() => ({ kind: 'min_share', share: 0.3, components: [], label: c('title') })}
        columns={[
          col.text(c('label'), 'label', {
            style: { minWidth: 200 },
            issuesOf: (i) => issuesAt(issues, `constraints[${i}]`),
          }),
          col.select(
            c('kind'),
            'kind',
            (['min_share', 'max_share'] as const).map((k) => ({
              value: k,
              label: t(`planForms.constraints.kinds.${k}`),
            })),
            { style: { width: 130 } },
          ),
          {
            title: c('share'),
            render: (_, r, i) => (
              <PctInput value={r.share} onChange={(v) => set(['constraints', i, 'share'], v ?? 0)} />
            ),
          },
          col.multi(c('components'), 'components', {
            mode: 'multiple',
            style: { minWidth: 150 },
            options: codeOptions(doc.components),
          }),
          col.multi(c('tags'), 'tags', { mode: 'tags', style: { minWidth: 140 }, options: tagOptions }),
          col.multi(c('indicators'), 'indicators', {
            mode: 'multiple',
            style: { minWidth: 150 },
            options: codeOptions(doc.indicators),
            optionFilterProp: 'label',
          }),
        ]}
      />
    </Card>
  );
}
