import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, InputNumber, Row, Select, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ByScopeTable, CodeInput, IssueText, ListActions } from './FormBits.js';
import {
  issuesAt,
  listAdd,
  listMove,
  listRemove,
  nextCode,
  type Path,
  renameCode,
  scopeOptions,
  setIn,
} from './forms.js';
import type { PanelProps } from './SettingsPanel.js';

function AddButton({
  onClick,
  children,
  testId,
}: {
  onClick: () => void;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Button
      size="small"
      type="dashed"
      icon={<PlusOutlined />}
      style={{ marginTop: 8 }}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}

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
  const issueCol = (prefix: string) => ({
    key: 'issues',
    render: (_: unknown, _r: unknown, i: number) => (
      <IssueText issues={issuesAt(issues, `${prefix}[${i}]`)} />
    ),
  });
  return (
    <Row gutter={[16, 16]} data-testid="plan-structure">
      <Col xs={24} xl={9}>
        <Card size="small" title={st('categories')}>
          <IssueText issues={issues.filter((i) => i.path === 'categories')} />
          <Table
            data-testid="plan-categories"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowKey={(_, i) => String(i)}
            dataSource={categories}
            columns={[
              {
                title: t('planForms.code'),
                render: (_, r, i) => (
                  <CodeInput
                    value={r.code}
                    taken={categories.map((c) => c.code)}
                    onCommit={(v) => change(renameCode(doc, 'category', categories[i]!.code, v))}
                  />
                ),
              },
              {
                title: t('planForms.name'),
                render: (_, r, i) => (
                  <Input value={r.name} onChange={(e) => set(['categories', i, 'name'], e.target.value)} />
                ),
              },
              issueCol('categories'),
              {
                key: 'a',
                width: 40,
                render: (_, _r, i) => (
                  <ListActions
                    index={i}
                    length={categories.length}
                    onMove={(d) => change(listMove(doc, ['categories'], i, d))}
                    onRemove={() => change(listRemove(doc, ['categories'], i))}
                  />
                ),
              },
            ]}
          />
          <AddButton
            onClick={() =>
              change(
                listAdd(doc, ['categories'], {
                  code: nextCode(
                    categories.map((c) => c.code),
                    'K',
                  ),
                  name: st('categories'),
                }),
              )
            }
          >
            {st('addCategory')}
          </AddButton>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
            {st('renameHint')}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} xl={15}>
        <Card size="small" title={st('groups')}>
          <IssueText issues={issues.filter((i) => i.path === 'groups')} />
          <Table
            data-testid="plan-groups"
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={groups}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('planForms.code'),
                render: (_, r, i) => (
                  <CodeInput
                    value={r.code}
                    taken={groups.map((g) => g.code)}
                    onCommit={(v) => change(renameCode(doc, 'group', groups[i]!.code, v))}
                  />
                ),
              },
              {
                title: t('planForms.name'),
                render: (_, r, i) => (
                  <Input value={r.name} onChange={(e) => set(['groups', i, 'name'], e.target.value)} />
                ),
              },
              {
                title: st('category'),
                render: (_, r, i) => (
                  <Select
                    style={{ width: 140 }}
                    value={r.category || undefined}
                    onChange={(v) => set(['groups', i, 'category'], v)}
                    options={categories.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }))}
                  />
                ),
              },
              {
                title: st('parent'),
                render: (_, r, i) => (
                  <Select
                    allowClear
                    style={{ width: 140 }}
                    value={r.parent}
                    onChange={(v) => set(['groups', i, 'parent'], v)}
                    options={groups
                      .filter((g) => g.code !== r.code)
                      .map((g) => ({ value: g.code, label: `${g.code} · ${g.name}` }))}
                  />
                ),
              },
              issueCol('groups'),
              {
                key: 'a',
                width: 40,
                render: (_, _r, i) => (
                  <ListActions
                    index={i}
                    length={groups.length}
                    onMove={(d) => change(listMove(doc, ['groups'], i, d))}
                    onRemove={() => change(listRemove(doc, ['groups'], i))}
                  />
                ),
              },
            ]}
          />
          <AddButton
            testId="group-add"
            onClick={() =>
              change(
                listAdd(doc, ['groups'], {
                  code: nextCode(
                    groups.map((g) => g.code),
                    'G',
                  ),
                  name: st('groups'),
                  category: categories[0]?.code ?? '',
                }),
              )
            }
          >
            {st('addGroup')}
          </AddButton>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
            {st('leafHint')}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={st('components')}>
          <IssueText issues={issues.filter((i) => i.path === 'components')} testId="components-issues" />
          <Table
            data-testid="plan-components"
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={components}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('planForms.code'),
                render: (_, r, i) => (
                  <CodeInput
                    value={r.code}
                    taken={components.map((c) => c.code)}
                    onCommit={(v) => change(renameCode(doc, 'component', components[i]!.code, v))}
                  />
                ),
              },
              {
                title: t('planForms.name'),
                render: (_, r, i) => (
                  <Input
                    style={{ minWidth: 180 }}
                    value={r.name}
                    onChange={(e) => set(['components', i, 'name'], e.target.value)}
                  />
                ),
              },
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
              issueCol('components'),
              {
                key: 'a',
                width: 40,
                render: (_, _r, i) => (
                  <ListActions
                    index={i}
                    length={components.length}
                    onMove={(d) => change(listMove(doc, ['components'], i, d))}
                    onRemove={() => change(listRemove(doc, ['components'], i))}
                  />
                ),
              },
            ]}
          />
          <AddButton
            onClick={() =>
              change(
                listAdd(doc, ['components'], {
                  code: nextCode(
                    components.map((c) => c.code),
                    'part',
                  ),
                  name: st('components'),
                  ...(weighted ? { weight: 0 } : { points: 0 }),
                }),
              )
            }
          >
            {st('addComponent')}
          </AddButton>
        </Card>
      </Col>
    </Row>
  );
}
