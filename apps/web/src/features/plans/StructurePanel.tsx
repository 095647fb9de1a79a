import type { Plan } from '@jixiao/engine';
import { Card, Col, InputNumber, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ByScopeTable, IssueText, type PanelProps } from './FormBits.js';
import { codeOptions, type Path, renameCode, scopeOptions, setIn } from './forms.js';
import { codeColumn, fieldColumns, issuesColumn, ListTable, nameColumn, newCoded } from './ListTable.js';

type Group = NonNullable<Plan['groups']>[number];

/** Categories, groups (with subgroup parent) and components (amount, per-group amounts). */
export function StructurePanel({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const set = (path: Path, v: unknown) => change(setIn(doc, path, v));
  const st = (k: string) => t(`planForms.structure.${k}`);
  const weighted = doc.scoring === 'weighted';
  const categories = doc.categories ?? [];
  const groups = doc.groups ?? [];
  const components = doc.components ?? [];
  const scopes = scopeOptions(doc);
  const list = { doc, change, movable: true, actionsWidth: 40 };
  const gr = fieldColumns<Group>(doc, change, ['groups']);
  return (
    <Row gutter={[16, 16]} data-testid="plan-structure">
      <Col xs={24} xl={9}>
        <Card size="small" title={st('categories')}>
          <IssueText issues={issues.filter((i) => i.path === 'categories')} />
          <ListTable
            {...list}
            testId="plan-categories"
            path={['categories']}
            rows={categories}
            addLabel={st('addCategory')}
            newItem={newCoded(categories, 'K', () => ({ name: st('categories') }))}
            columns={[
              codeColumn(t('planForms.code'), categories, (i, v) =>
                change(renameCode(doc, 'category', categories[i]!.code, v)),
              ),
              nameColumn(t('planForms.name'), categories, (i, v) => set(['categories', i, 'name'], v)),
              issuesColumn(categories, issues, 'categories'),
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
            {st('renameHint')}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} xl={15}>
        <Card size="small" title={st('groups')}>
          <IssueText issues={issues.filter((i) => i.path === 'groups')} />
          <ListTable
            {...list}
            testId="plan-groups"
            path={['groups']}
            rows={groups}
            addTestId="group-add"
            addLabel={st('addGroup')}
            newItem={newCoded(groups, 'G', () => ({
              name: st('groups'),
              category: categories[0]?.code ?? '',
            }))}
            columns={[
              codeColumn(t('planForms.code'), groups, (i, v) =>
                change(renameCode(doc, 'group', groups[i]!.code, v)),
              ),
              nameColumn(t('planForms.name'), groups, (i, v) => set(['groups', i, 'name'], v)),
              gr.select(st('category'), 'category', codeOptions(categories), { style: { width: 140 } }),
              gr.select(st('parent'), 'parent', (r) => codeOptions(groups.filter((g) => g.code !== r.code)), {
                allowClear: true,
                style: { width: 140 },
              }),
              issuesColumn(groups, issues, 'groups'),
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
            {st('leafHint')}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={st('components')}>
          <IssueText issues={issues.filter((i) => i.path === 'components')} testId="components-issues" />
          <ListTable
            {...list}
            testId="plan-components"
            path={['components']}
            rows={components}
            addLabel={st('addComponent')}
            newItem={newCoded(components, 'part', () => ({
              name: st('components'),
              ...(weighted ? { weight: 0 } : { points: 0 }),
            }))}
            columns={[
              codeColumn(t('planForms.code'), components, (i, v) =>
                change(renameCode(doc, 'component', components[i]!.code, v)),
              ),
              nameColumn(t('planForms.name'), components, (i, v) => set(['components', i, 'name'], v), {
                style: { minWidth: 180 },
              }),
              {
                title: weighted ? st('weight') : st('amount'),
                render: (_, r, i) => (
                  <InputNumber
                    data-testid="component-amount"
                    min={0}
                    style={{ width: 100 }}
                    value={weighted ? r.weight : r.points}
                    onChange={(v) => set(['components', i, weighted ? 'weight' : 'points'], v ?? undefined)}
                  />
                ),
              },
              {
                title: st('by'),
                render: (_, r, i) => (
                  <ByScopeTable
                    key={`${i}:${JSON.stringify(weighted ? r.weightBy : r.pointsBy)}`}
                    value={weighted ? r.weightBy : r.pointsBy}
                    options={scopes}
                    onChange={(by) => set(['components', i, weighted ? 'weightBy' : 'pointsBy'], by)}
                  />
                ),
              },
              issuesColumn(components, issues, 'components'),
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
