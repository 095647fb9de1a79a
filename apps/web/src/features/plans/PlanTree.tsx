import { ApartmentOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Plan } from '@jixiao/engine';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Popconfirm,
  Row,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type Key, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../shared/CompactTable.js';
import type { AhpLevel } from './AhpModal.js';
import {
  addIndicator,
  addSubItem,
  freshCode,
  levelChildren,
  removeIndicator,
  removeSubItem,
} from './edit.js';
import { issueSection, type Section } from './forms.js';
import { IssueList } from './IssueList.js';
import { allRowKeys, type indexIssues, methodParams, type PlanRow, type RowIssue } from './tree.js';

interface TreeProps {
  doc: Plan;
  change: (p: Plan) => void;
  readOnly: boolean;
  /** Opens the row's drawer. */
  onEdit: (row: PlanRow) => void;
  /** Opens the AHP view of the row's children. */
  onAhp: (level: AhpLevel, title: string) => void;
}

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
                  .map((i) => i.message)
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

function RowActions({ row: r, doc, change, readOnly, onEdit, onAhp }: { row: PlanRow } & TreeProps) {
  const { t } = useTranslation();
  const kidsLevel: AhpLevel | null =
    r.level === 'component' ? { component: r.code } : r.level === 'indicator' ? { indicator: r.code } : null;
  const nKids = kidsLevel ? levelChildren(doc, kidsLevel).length : 0;
  const ahpButton = kidsLevel && nKids >= 2 && (
    <Button
      size="small"
      type="link"
      data-testid="row-ahp"
      onClick={() => onAhp(kidsLevel, `${r.code} ${r.name}`)}
    >
      AHP
    </Button>
  );
  // A reader sees the AHP view too (judgement matrix and consistency), read-only.
  if (readOnly)
    return (
      <Space size={0}>
        <Button size="small" type="link" onClick={() => onEdit(r)} icon={<EditOutlined />}>
          {t('plans.open')}
        </Button>
        {ahpButton}
      </Space>
    );
  return (
    <Space size={0}>
      <Tooltip title={t('common.edit')}>
        <Button
          size="small"
          type="text"
          icon={<EditOutlined />}
          data-testid="row-edit"
          onClick={() => onEdit(r)}
        />
      </Tooltip>
      {kidsLevel && !(r.children ?? []).some((c) => c.level === 'sub_item') && (
        <Tooltip title={r.level === 'component' ? t('planEditor.addIndicator') : t('planEditor.addChild')}>
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined />}
            data-testid="row-add"
            onClick={() =>
              change(
                addIndicator(doc, r.level === 'component' ? { component: r.code } : { parent: r.code }, {
                  code: freshCode(doc),
                  name: t('planEditor.levels.indicator'),
                }),
              )
            }
          />
        </Tooltip>
      )}
      {r.level === 'indicator' && nKids === 0 && (
        <Tooltip title={t('planEditor.addSubItem')}>
          <Button
            size="small"
            type="text"
            icon={<ApartmentOutlined />}
            onClick={() => {
              const used = new Set(doc.indicators[r.ref.index]?.subItems?.map((s) => s.code));
              let n = 1;
              while (used.has(`S${n}`)) n++;
              change(addSubItem(doc, r.ref.index, { code: `S${n}`, name: t('planEditor.levels.sub_item') }));
            }}
          />
        </Tooltip>
      )}
      {ahpButton}
      {r.level !== 'component' && (
        <Popconfirm
          title={t('planEditor.removeConfirm', { code: r.code })}
          onConfirm={() =>
            change(
              r.ref.level === 'sub_item'
                ? removeSubItem(doc, r.ref.index, r.ref.subIndex)
                : removeIndicator(doc, r.code),
            )
          }
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="row-remove" />
        </Popconfirm>
      )}
    </Space>
  );
}

function IssuePanel({
  issues,
  rowOf,
  onPick,
  onSection,
}: {
  issues: RowIssue[];
  rowOf: (i: RowIssue) => string | null;
  onPick: (rowKey: string) => void;
  /** An issue about something outside the tree (grades, groups, …) opens its tab. */
  onSection: (i: RowIssue) => void;
}) {
  return (
    <div style={{ maxHeight: 640, overflowY: 'auto' }}>
      <IssueList
        compact
        issues={issues}
        onPick={(i) => {
          const key = rowOf(i);
          if (key) onPick(key);
          else if (issueSection(i.path) !== 'tree') onSection(i);
        }}
      />
    </div>
  );
}
