import { Card, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { IssueText, type PanelProps, PctInput } from './FormBits.js';
import { codeOptions, issuesAt, nonEmpty, type Path, setIn } from './forms.js';
import { ListTable } from './ListTable.js';

/** Structure constraints: a minimum or maximum share of the points for chosen components, tags or indicators. */
export function ConstraintsCard({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const set = (path: Path, v: unknown) => change(setIn(doc, path, v));
  const list = doc.constraints ?? [];
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
          {
            title: c('label'),
            render: (_, r, i) => (
              <>
                <Input
                  style={{ minWidth: 200 }}
                  value={r.label}
                  onChange={(e) => set(['constraints', i, 'label'], e.target.value)}
                />
                <IssueText issues={issuesAt(issues, `constraints[${i}]`)} />
              </>
            ),
          },
          {
            title: c('kind'),
            render: (_, r, i) => (
              <Select
                style={{ width: 130 }}
                value={r.kind}
                onChange={(v) => set(['constraints', i, 'kind'], v)}
                options={(['min_share', 'max_share'] as const).map((k) => ({
                  value: k,
                  label: t(`planForms.constraints.kinds.${k}`),
                }))}
              />
            ),
          },
          {
            title: c('share'),
            render: (_, r, i) => (
              <PctInput value={r.share} onChange={(v) => set(['constraints', i, 'share'], v ?? 0)} />
            ),
          },
          {
            title: c('components'),
            render: (_, r, i) => (
              <Select
                mode="multiple"
                style={{ minWidth: 150 }}
                value={r.components ?? []}
                onChange={(v: string[]) => set(['constraints', i, 'components'], nonEmpty(v))}
                options={codeOptions(doc.components)}
              />
            ),
          },
          {
            title: c('tags'),
            render: (_, r, i) => (
              <Select
                mode="tags"
                style={{ minWidth: 140 }}
                value={r.tags ?? []}
                onChange={(v: string[]) => set(['constraints', i, 'tags'], nonEmpty(v))}
                options={tagOptions}
              />
            ),
          },
          {
            title: c('indicators'),
            render: (_, r, i) => (
              <Select
                mode="multiple"
                style={{ minWidth: 150 }}
                value={r.indicators ?? []}
                onChange={(v: string[]) => set(['constraints', i, 'indicators'], nonEmpty(v))}
                options={codeOptions(doc.indicators)}
                optionFilterProp="label"
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
