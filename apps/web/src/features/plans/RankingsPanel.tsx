import type { Plan } from '@jixiao/engine';
import { Card, Col, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PanelProps } from './FormBits.js';
import { codeOptions, issuesAt, renameCode } from './forms.js';
import { codeColumn, fieldColumns, ListTable, nameColumn, newCoded } from './ListTable.js';

type Ranking = NonNullable<Plan['rankings']>[number];
type Award = NonNullable<Plan['awards']>[number];
type Link = NonNullable<Plan['links']>[number];

/** Cross-group rankings (二十佳 over A and B), awards, and linked assessment (S1). */
export function RankingsPanel({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const r = (k: string) => t(`planForms.rankings.${k}`);
  const rankings = doc.rankings ?? [];
  const awards = doc.awards ?? [];
  const links = doc.links ?? [];
  const list = { doc, change };
  const rk = fieldColumns<Ranking>(doc, change, ['rankings']);
  const aw = fieldColumns<Award>(doc, change, ['awards']);
  const ln = fieldColumns<Link>(doc, change, ['links']);
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
            newItem={newCoded(rankings, 'ranking', () => ({ name: r('title'), groups: [] }))}
            columns={[
              codeColumn(t('planForms.code'), rankings, (i, v) =>
                change(renameCode(doc, 'ranking', rankings[i]!.code, v)),
              ),
              nameColumn(t('planForms.name'), rankings, (i, v) => rk.set(i, 'name', v), {
                style: { minWidth: 160 },
                issuesOf: (i) => issuesAt(issues, `rankings[${i}]`),
              }),
              rk.multi(r('groups'), 'groups', {
                mode: 'multiple',
                style: { minWidth: 140 },
                options: codeOptions(doc.groups ?? []),
              }),
              rk.multi(r('categories'), 'categories', {
                mode: 'multiple',
                style: { minWidth: 120 },
                options: codeOptions(doc.categories ?? []),
              }),
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
            newItem={newCoded(awards, 'award', () => ({ name: r('awards'), top: 10 }))}
            columns={[
              codeColumn(t('planForms.code'), awards, (i, v) => aw.set(i, 'code', v)),
              nameColumn(t('planForms.name'), awards, (i, v) => aw.set(i, 'name', v), {
                style: { minWidth: 140 },
                issuesOf: (i) => issuesAt(issues, `awards[${i}]`),
              }),
              aw.select(r('ranking'), 'ranking', codeOptions(rankings), {
                allowClear: true,
                style: { width: 150 },
                placeholder: r('withinGroup'),
              }),
              aw.number(r('top'), 'top', { min: 1, precision: 0, style: { width: 80 } }, 0),
              aw.toggle(r('advanced'), 'advanced'),
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
              ln.text(r('unit'), 'unit', {
                style: { width: 120 },
                trim: true,
                issuesOf: (i) => issuesAt(issues, `links[${i}]`),
              }),
              {
                title: r('sources'),
                render: (_, x, i) => (
                  <Select
                    mode="tags"
                    style={{ minWidth: 220 }}
                    value={x.sources}
                    open={false}
                    tokenSeparators={[',', ' ']}
                    onChange={(v: string[]) => ln.set(i, 'sources', v)}
                  />
                ),
              },
              ln.number(r('share'), 'share', { min: 0, max: 1, step: 0.1 }, 0),
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
