import { Card, Col, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { IssueText, type PanelProps } from './FormBits.js';
import { codeOptions, issuesAt, nextCode, nonEmpty, type Path, renameCode, setIn } from './forms.js';
import { codeColumn, ListTable, nameColumn } from './ListTable.js';

/** Cross-group rankings (二十佳 over A and B), awards, and linked assessment (S1). */
export function RankingsPanel({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const set = (path: Path, v: unknown) => change(setIn(doc, path, v));
  const r = (k: string) => t(`planForms.rankings.${k}`);
  const rankings = doc.rankings ?? [];
  const awards = doc.awards ?? [];
  const links = doc.links ?? [];
  const list = { doc, change };
  return (
    <Row gutter={[16, 16]} data-testid="plan-rankings">
      <Col xs={24} xl={12}>
        <Card size="small" title={r('title')}>
          <ListTable
            {...list}
            testId="rankings-table"
            path={['rankings']}
            rows={rankings}
            addLabel={r('add')}
            newItem={() => ({
              code: nextCode(
                rankings.map((x) => x.code),
                'ranking',
              ),
              name: r('title'),
              groups: [],
            })}
            columns={[
              codeColumn(t('planForms.code'), rankings, (i, v) =>
                change(renameCode(doc, 'ranking', rankings[i]!.code, v)),
              ),
              nameColumn(t('planForms.name'), rankings, (i, v) => set(['rankings', i, 'name'], v), {
                style: { minWidth: 160 },
                issuesOf: (i) => issuesAt(issues, `rankings[${i}]`),
              }),
              {
                title: r('groups'),
                render: (_, x, i) => (
                  <Select
                    mode="multiple"
                    style={{ minWidth: 140 }}
                    value={x.groups ?? []}
                    options={codeOptions(doc.groups ?? [])}
                    onChange={(v: string[]) => set(['rankings', i, 'groups'], nonEmpty(v))}
                  />
                ),
              },
              {
                title: r('categories'),
                render: (_, x, i) => (
                  <Select
                    mode="multiple"
                    style={{ minWidth: 120 }}
                    value={x.categories ?? []}
                    options={codeOptions(doc.categories ?? [])}
                    onChange={(v: string[]) => set(['rankings', i, 'categories'], nonEmpty(v))}
                  />
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={r('awards')}>
          <ListTable
            {...list}
            testId="awards-table"
            path={['awards']}
            rows={awards}
            addLabel={r('addAward')}
            newItem={() => ({
              code: nextCode(
                awards.map((x) => x.code),
                'award',
              ),
              name: r('awards'),
              top: 10,
            })}
            columns={[
              codeColumn(t('planForms.code'), awards, (i, v) => set(['awards', i, 'code'], v)),
              nameColumn(t('planForms.name'), awards, (i, v) => set(['awards', i, 'name'], v), {
                style: { minWidth: 140 },
                issuesOf: (i) => issuesAt(issues, `awards[${i}]`),
              }),
              {
                title: r('ranking'),
                render: (_, x, i) => (
                  <Select
                    allowClear
                    style={{ width: 150 }}
                    value={x.ranking}
                    placeholder={r('withinGroup')}
                    options={codeOptions(rankings)}
                    onChange={(v) => set(['awards', i, 'ranking'], v)}
                  />
                ),
              },
              {
                title: r('top'),
                render: (_, x, i) => (
                  <InputNumber
                    min={1}
                    precision={0}
                    style={{ width: 80 }}
                    value={x.top}
                    onChange={(v) => set(['awards', i, 'top'], v ?? 0)}
                  />
                ),
              },
              {
                title: r('advanced'),
                render: (_, x, i) => (
                  <Switch
                    size="small"
                    checked={!!x.advanced}
                    onChange={(v) => set(['awards', i, 'advanced'], v || undefined)}
                  />
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={r('links')}>
          <ListTable
            {...list}
            testId="links-table"
            path={['links']}
            rows={links}
            addLabel={r('addLink')}
            newItem={() => ({ unit: '', sources: [], share: 0.2 })}
            columns={[
              {
                title: r('unit'),
                render: (_, x, i) => (
                  <>
                    <Input
                      style={{ width: 120 }}
                      value={x.unit}
                      onChange={(e) => set(['links', i, 'unit'], e.target.value.trim())}
                    />
                    <IssueText issues={issuesAt(issues, `links[${i}]`)} />
                  </>
                ),
              },
              {
                title: r('sources'),
                render: (_, x, i) => (
                  <Select
                    mode="tags"
                    style={{ minWidth: 220 }}
                    value={x.sources}
                    open={false}
                    tokenSeparators={[',', ' ']}
                    onChange={(v: string[]) => set(['links', i, 'sources'], v)}
                  />
                ),
              },
              {
                title: r('share'),
                render: (_, x, i) => (
                  <InputNumber
                    min={0}
                    max={1}
                    step={0.1}
                    value={x.share}
                    onChange={(v) => set(['links', i, 'share'], v ?? 0)}
                  />
                ),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
