import type { GradeLevel } from '@jixiao/engine';
import { Card, ColorPicker, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../shared/CodeSelect.js';
import { Field, IssueText, type PanelProps, PctInput } from './FormBits.js';
import { type Path, setIn } from './forms.js';
import { codeColumn, fieldColumns, issuesColumn, ListTable, newCoded } from './ListTable.js';

const PALETTE = ['#389e0d', '#1677ff', '#d4b106', '#fa8c16', '#cf1322', '#722ed1'];

/** Grades: an ordered list of levels (best first) with colour, threshold and quota per group. */
export function GradesPanel({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const set = (path: Path, v: unknown) => change(setIn(doc, path, v));
  const g = (k: string) => t(`planForms.grades.${k}`);
  const grades = doc.grades ?? { levels: [] };
  const levels = grades.levels ?? [];
  const last = levels.length - 1;
  const lv = fieldColumns<GradeLevel>(doc, change, ['grades', 'levels']);
  return (
    <Form layout="vertical" component="div" data-testid="plan-grades">
      <Card size="small">
        <Space wrap size={16}>
          <Field label={g('scheme')} issues={issues} path="grades.scheme">
            <Input
              style={{ width: 240 }}
              value={grades.scheme}
              placeholder="优秀/良好/合格/不合格"
              onChange={(e) => set(['grades', 'scheme'], e.target.value)}
            />
          </Field>
          <Field label={g('quotaRounding')} issues={issues} path="grades.quotaRounding">
            <CodeSelect
              style={{ width: 160 }}
              value={grades.quotaRounding ?? 'floor'}
              onChange={(v) => set(['grades', 'quotaRounding'], v)}
              codes={['floor', 'round', 'ceil']}
              labels="planForms.grades.quotaRoundings"
            />
          </Field>
          <Field label={g('tie')} issues={issues} path="grades.tieAtQuotaEdge">
            <CodeSelect
              style={{ width: 240 }}
              value={grades.tieAtQuotaEdge ?? 'exclude'}
              onChange={(v) => set(['grades', 'tieAtQuotaEdge'], v)}
              codes={['exclude', 'include']}
              labels="planForms.grades.ties"
            />
          </Field>
        </Space>
        <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
          {g('levels')}
        </Typography.Text>
        <IssueText issues={issues.filter((i) => i.path === 'grades.levels' || i.path === 'grades')} />
        <ListTable<GradeLevel>
          doc={doc}
          change={change}
          movable
          testId="grade-levels"
          path={['grades', 'levels']}
          rows={levels}
          addTestId="grade-add"
          addLabel={g('add')}
          newItem={newCoded(levels, 'level', () => ({
            name: g('levels'),
            color: PALETTE[levels.length % PALETTE.length],
          }))}
          columns={[
            { title: '#', width: 36, render: (_, _r, i) => i + 1 },
            codeColumn(t('planForms.code'), levels, (i, v) => set(['grades', 'levels', i, 'code'], v)),
            {
              title: t('planForms.name'),
              render: (_, r, i) => (
                <Space>
                  <Input
                    style={{ width: 110 }}
                    value={r.name}
                    onChange={(e) => set(['grades', 'levels', i, 'name'], e.target.value)}
                  />
                  <Tag color={r.color}>{r.name}</Tag>
                </Space>
              ),
            },
            {
              title: g('color'),
              render: (_, r, i) => (
                <ColorPicker
                  value={r.color || undefined}
                  presets={[{ label: g('color'), colors: PALETTE }]}
                  onChangeComplete={(c) => set(['grades', 'levels', i, 'color'], c.toHexString())}
                />
              ),
            },
            {
              title: g('minScore'),
              render: (_, r, i) =>
                i === last && r.minScore === undefined ? (
                  '—'
                ) : (
                  <InputNumber
                    data-testid="grade-min"
                    style={{ width: 90 }}
                    value={r.minScore}
                    onChange={(v) => set(['grades', 'levels', i, 'minScore'], v ?? undefined)}
                  />
                ),
            },
            {
              title: g('maxShare'),
              render: (_, r, i) =>
                i === last && r.maxShare === undefined ? (
                  '—'
                ) : (
                  <PctInput
                    value={r.maxShare}
                    onChange={(v) => set(['grades', 'levels', i, 'maxShare'], v)}
                  />
                ),
            },
            {
              title: g('maxCount'),
              render: (_, r, i) =>
                i === last && r.maxCount === undefined ? (
                  '—'
                ) : (
                  <InputNumber
                    min={0}
                    precision={0}
                    style={{ width: 80 }}
                    value={r.maxCount}
                    onChange={(v) => set(['grades', 'levels', i, 'maxCount'], v ?? undefined)}
                  />
                ),
            },
            lv.toggle(g('advanced'), 'advanced'),
            issuesColumn(levels, issues, 'grades.levels', 220),
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
          {g('lastHint')}
        </Typography.Paragraph>
      </Card>
    </Form>
  );
}
