import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, InputNumber, Row, Select, Switch, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeInput, IssueText, ListActions } from './FormBits.js';
import { issuesAt, listAdd, listRemove, nextCode, type Path, renameCode, setIn } from './forms.js';
import type { PanelProps } from './SettingsPanel.js';

/** Cross-group rankings (二十佳 over A and B), awards, and linked assessment (S1). */
export function RankingsPanel({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const set = (path: Path, v: unknown) => change(setIn(doc, path, v));
  const r = (k: string) => t(`planForms.rankings.${k}`);
  const rankings = doc.rankings ?? [];
  const awards = doc.awards ?? [];
  const links = doc.links ?? [];
  const arrOrUndef = (v: string[]) => (v.length ? v : undefined);
  const groupOpts = (doc.groups ?? []).map((g) => ({ value: g.code, label: `${g.code} · ${g.name}` }));
  const catOpts = (doc.categories ?? []).map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }));
  const add = (path: Path, item: unknown) => change(listAdd(doc, path, item));
  return (
    <Row gutter={[16, 16]} data-testid="plan-rankings">
      <Col xs={24} xl={12}>
        <Card size="small" title={r('title')}>
          <Table
            data-testid="rankings-table"
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={rankings}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('planForms.code'),
                render: (_, x, i) => (
                  <CodeInput
                    value={x.code}
                    taken={rankings.map((y) => y.code)}
                    onCommit={(v) => change(renameCode(doc, 'ranking', rankings[i]!.code, v))}
                  />
                ),
              },
              {
                title: t('planForms.name'),
                render: (_, x, i) => (
                  <>
                    <Input
                      style={{ minWidth: 160 }}
                      value={x.name}
                      onChange={(e) => set(['rankings', i, 'name'], e.target.value)}
                    />
                    <IssueText issues={issuesAt(issues, `rankings[${i}]`)} />
                  </>
                ),
              },
              {
                title: r('groups'),
                render: (_, x, i) => (
                  <Select
                    mode="multiple"
                    style={{ minWidth: 140 }}
                    value={x.groups ?? []}
                    options={groupOpts}
                    onChange={(v: string[]) => set(['rankings', i, 'groups'], arrOrUndef(v))}
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
                    options={catOpts}
                    onChange={(v: string[]) => set(['rankings', i, 'categories'], arrOrUndef(v))}
                  />
                ),
              },
              {
                key: 'a',
                render: (_, _x, i) => (
                  <ListActions
                    index={i}
                    length={rankings.length}
                    onRemove={() => change(listRemove(doc, ['rankings'], i))}
                  />
                ),
              },
            ]}
          />
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            onClick={() =>
              add(['rankings'], {
                code: nextCode(
                  rankings.map((x) => x.code),
                  'ranking',
                ),
                name: r('title'),
                groups: [],
              })
            }
          >
            {r('add')}
          </Button>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={r('awards')}>
          <Table
            data-testid="awards-table"
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={awards}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('planForms.code'),
                render: (_, x, i) => (
                  <CodeInput
                    value={x.code}
                    taken={awards.map((y) => y.code)}
                    onCommit={(v) => set(['awards', i, 'code'], v)}
                  />
                ),
              },
              {
                title: t('planForms.name'),
                render: (_, x, i) => (
                  <>
                    <Input
                      style={{ minWidth: 140 }}
                      value={x.name}
                      onChange={(e) => set(['awards', i, 'name'], e.target.value)}
                    />
                    <IssueText issues={issuesAt(issues, `awards[${i}]`)} />
                  </>
                ),
              },
              {
                title: r('ranking'),
                render: (_, x, i) => (
                  <Select
                    allowClear
                    style={{ width: 150 }}
                    value={x.ranking}
                    placeholder={r('withinGroup')}
                    options={rankings.map((y) => ({ value: y.code, label: `${y.code} · ${y.name}` }))}
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
              {
                key: 'a',
                render: (_, _x, i) => (
                  <ListActions
                    index={i}
                    length={awards.length}
                    onRemove={() => change(listRemove(doc, ['awards'], i))}
                  />
                ),
              },
            ]}
          />
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            onClick={() =>
              add(['awards'], {
                code: nextCode(
                  awards.map((x) => x.code),
                  'award',
                ),
                name: r('awards'),
                top: 10,
              })
            }
          >
            {r('addAward')}
          </Button>
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={r('links')}>
          <Table
            data-testid="links-table"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowKey={(_, i) => String(i)}
            dataSource={links}
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
              {
                key: 'a',
                render: (_, _x, i) => (
                  <ListActions
                    index={i}
                    length={links.length}
                    onRemove={() => change(listRemove(doc, ['links'], i))}
                  />
                ),
              },
            ]}
          />
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            onClick={() => add(['links'], { unit: '', sources: [], share: 0.2 })}
          >
            {r('addLink')}
          </Button>
        </Card>
      </Col>
    </Row>
  );
}
