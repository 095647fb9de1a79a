import { Alert, Badge, Button, Card, Col, Empty, Row, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type Key, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../shared/CompactTable.js';
import { issueSection, type Section } from './forms.js';
import { IssuePanel } from './IssuePanel.js';
import { RowActions, type TreeProps } from './RowActions.js';
import {
  allRowKeys,
  type indexIssues,
  issueText,
  methodParams,
  type PlanRow,
  type RowIssue,
} from './tree.js';

/**
 * The plan as a tree of components, indicators and sub-items, with each row's issues, and the
 * issue list beside it (an issue outside the tree opens its section's tab).
 */
export function PlanTree(
  props: TreeProps & {
    rows: PlanRow[];
    issues: RowIssue[];
    index: ReturnType<typeof indexIssues>;
    onSection: (s: Section) => void;
  },
) {
  const { t } = useTranslation();
  const { doc, rows, issues, index, onSection } = props;
  const actions: TreeProps = {
    doc,
    change: props.change,
    readOnly: props.readOnly,
    onEdit: props.onEdit,
    onAhp: props.onAhp,
  };
  const [highlight, setHighlight] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[]>(() => allRowKeys(rows));
  useEffect(() => {
    // Newly added rows show up expanded.
    setExpanded((e) => [...new Set([...e, ...allRowKeys(rows).filter((k) => !k.startsWith('s:'))])]);
  }, [rows]);
  const amountLabel = doc.scoring === 'weighted' ? t('planEditor.weight') : t('planEditor.points');
  const columns: ColumnsType<PlanRow> = [
    {
      title: t('planEditor.code'),
      key: 'code',
      width: 200,
      render: (_, r) => {
        const n = index.byRow.get(r.key)?.length ?? 0;
        return (
          <Space size={4} data-testid="plan-row" data-row={r.key}>
            <Typography.Text code strong={r.level === 'component'}>
              {r.code}
            </Typography.Text>
            {n > 0 && (
              <Tooltip
                title={index.byRow
                  .get(r.key)!
                  .map((i) => issueText(i, t))
                  .join('\n')}
              >
                <Badge count={n} data-testid="row-issue-badge" style={{ cursor: 'help' }} />
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    {
      title: t('planEditor.name'),
      key: 'name',
      render: (_, r) => (
        <Space size={4} wrap>
          <span style={{ fontWeight: r.level === 'component' ? 600 : undefined }}>{r.name}</span>
          {r.level === 'sub_item' && <Tag>{t('planEditor.levels.sub_item')}</Tag>}
          {r.keyWork && <Tag color="volcano">{t('planEditor.keyWork')}</Tag>}
          {r.kind && <Tag>{t(`planEditor.kinds.${r.kind}`, { defaultValue: r.kind })}</Tag>}
          {r.dimension && <Tag color="cyan">{r.dimension}</Tag>}
          {r.orphan && <Tag color="red">{t('planEditor.orphan')}</Tag>}
        </Space>
      ),
    },
    {
      title: amountLabel,
      key: 'amount',
      align: 'right',
      render: (_, r) => (
        <Space size={4} wrap style={{ justifyContent: 'flex-end' }}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{r.amount ?? '—'}</span>
          {r.by &&
            Object.entries(r.by).map(([k, v]) => (
              <Tag key={k} color="blue" style={{ marginInlineEnd: 0 }} data-testid="amount-chip">
                {k}: {v}
              </Tag>
            ))}
        </Space>
      ),
    },
    {
      title: t('planEditor.method'),
      key: 'method',
      render: (_, r) =>
        r.method ? (
          <Space orientation="vertical" size={0}>
            <span>
              {t(`methods.${r.method.kind}`, { defaultValue: r.method.kind })}
              {r.methodInherited && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  ({t('planEditor.inherited')})
                </Typography.Text>
              )}
            </span>
            {methodParams(r.method, t).length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {methodParams(r.method, t).join(' · ')}
              </Typography.Text>
            )}
          </Space>
        ) : null,
    },
    {
      title: t('planEditor.direction'),
      key: 'direction',
      render: (_, r) => (r.direction ? t(`planEditor.directions.${r.direction}`) : ''),
    },
    {
      title: `${t('planEditor.owner')} / ${t('planEditor.leadDept')}`,
      key: 'owner',
      render: (_, r) => [r.owner, r.leadDept].filter(Boolean).join(' / '),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => <RowActions row={r} {...actions} />,
    },
  ];

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={17}>
        <Space style={{ marginBottom: 8 }}>
          <Button size="small" onClick={() => setExpanded(allRowKeys(rows))}>
            {t('planEditor.expandAll')}
          </Button>
          <Button size="small" onClick={() => setExpanded([])}>
            {t('planEditor.collapseAll')}
          </Button>
          <Typography.Text type="secondary">
            {t('planEditor.rows', { n: doc.indicators?.length ?? 0 })}
          </Typography.Text>
        </Space>
        <CompactTable<PlanRow>
          data-testid="plan-tree"
          rowKey="key"
          dataSource={rows}
          columns={columns}
          expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded }}
          rowClassName={(r) => (r.key === highlight ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ id: `row-${r.key}` })}
          locale={{ emptyText: <Empty /> }}
        />
      </Col>
      <Col xs={24} xl={7}>
        <Card
          size="small"
          title={
            <Space>
              {t('planEditor.issues')}
              <Badge count={issues.length} showZero color={issues.length ? 'red' : 'green'} />
            </Space>
          }
        >
          {issues.length === 0 ? (
            <Alert type="success" showIcon title={t('planEditor.noIssues')} />
          ) : (
            <IssuePanel
              issues={issues}
              rowOf={(i) => [...index.byRow.entries()].find(([, v]) => v.includes(i))?.[0] ?? null}
              onSection={(i) => onSection(issueSection(i.path))}
              onPick={(key) => {
                setHighlight(key);
                document.getElementById(`row-${key}`)?.scrollIntoView({ block: 'center' });
              }}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
