import {
  ApartmentOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  SaveOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import type { PlanDetail, PlanSummary } from '@jixiao/contracts';
import { type Plan, validatePlan } from '@jixiao/engine';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  ConfigProvider,
  Descriptions,
  Empty,
  Input,
  Popconfirm,
  Popover,
  Result,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type Key, type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { useCan } from '../../shared/auth.js';
import { formatError } from '../../shared/feedback.js';
import { formatDateTime } from '../../shared/format.js';
import { QueryState, queryTable } from '../../shared/QueryState.js';
import { type AhpLevel, AhpModal } from './AhpModal.js';
import { planApi, planKeys, usePlan, usePlans, useRevisions } from './api.js';
import { DiffView } from './DiffView.js';
import {
  addIndicator,
  addSubItem,
  applyAhpWeights,
  freshCode,
  levelChildren,
  removeIndicator,
  removeSubItem,
  updateRow,
} from './edit.js';
import { issueSection, type Section, sectionCounts } from './forms.js';
import { GradesPanel } from './GradesPanel.js';
import { IssueList } from './IssueList.js';
import { ErrorCount, StatusTag } from './PlansPage.js';
import { RankingsPanel } from './RankingsPanel.js';
import { RowDrawer } from './RowDrawer.js';
import { SettingsPanel } from './SettingsPanel.js';
import { StructurePanel } from './StructurePanel.js';
import {
  allRowKeys,
  buildPlanTree,
  fromEngineIssues,
  fromServerIssues,
  indexIssues,
  methodParams,
  type PlanRow,
  type RowIssue,
} from './tree.js';

/** Live validation with the engine; a document too broken for the validator gives one issue. */
function liveIssues(doc: Plan): RowIssue[] {
  try {
    return fromEngineIssues(validatePlan(doc));
  } catch (e) {
    return [{ ref: null, path: '', message: (e as Error).message, severity: 'error' }];
  }
}

export default function PlanEditorPage() {
  const { id } = useParams();
  const planId = Number(id);
  const { t } = useTranslation();
  const q = usePlan(Number.isFinite(planId) ? planId : undefined);
  if (isApiError(q.error) && q.error.status === 404)
    return <Result status="404" subTitle={formatError(t, q.error)} />;
  if (!q.data) return <QueryState query={q} testId="plan" />;
  return <Editor key={`${q.data.id}:${q.data.version}`} detail={q.data} />;
}

function Editor({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCan('plans.write');
  const readOnly = detail.status !== 'draft' || !canWrite;
  const [doc, setDoc] = useState<Plan>(() => detail.document as unknown as Plan);
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<PlanRow | null>(null);
  const [ahpLevel, setAhpLevel] = useState<{ level: AhpLevel; title: string } | null>(null);
  const [tab, setTab] = useState('tree');
  const [diffQuery, setDiffQuery] = useState<{ againstPlanId?: number; revision?: number } | null>(null);
  const [note, setNote] = useState('');
  const [highlight, setHighlight] = useState<string | null>(null);

  const issues = useMemo(
    () =>
      dirty ? liveIssues(doc) : detail.issues.length ? fromServerIssues(detail.issues) : liveIssues(doc),
    [doc, dirty, detail.issues],
  );
  const index = useMemo(() => indexIssues(issues, doc), [issues, doc]);
  const rows = useMemo(() => buildPlanTree(doc), [doc]);
  const [expanded, setExpanded] = useState<readonly Key[]>(() => allRowKeys(rows));
  useEffect(() => {
    // Newly added rows show up expanded.
    setExpanded((e) => [...new Set([...e, ...allRowKeys(rows).filter((k) => !k.startsWith('s:'))])]);
  }, [rows]);

  const change = (next: Plan) => {
    setDoc(next);
    setDirty(true);
  };

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: planKeys.detail(detail.id) });
  };

  const save = useMutation({
    meta: { silent: true },
    mutationFn: () =>
      planApi.save(detail.id, {
        document: doc,
        version: detail.version,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async (saved) => {
      message.success(t('planEditor.saved'));
      setNote('');
      if (saved?.id) queryClient.setQueryData(planKeys.detail(detail.id), saved);
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT')
        modal.confirm({
          title: t('planEditor.conflictTitle'),
          content: t('planEditor.conflictBody'),
          okText: t('planEditor.reload'),
          cancelText: t('common.cancel'),
          onOk: reload,
        });
      else message.error(formatError(t, e));
    },
  });

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
            {methodParams(r.method).length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {methodParams(r.method).join(' · ')}
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
      render: (_, r) => <RowActions row={r} />,
    },
  ];

  function RowActions({ row: r }: { row: PlanRow }) {
    const kidsLevel: AhpLevel | null =
      r.level === 'component'
        ? { component: r.code }
        : r.level === 'indicator'
          ? { indicator: r.code }
          : null;
    const nKids = kidsLevel ? levelChildren(doc, kidsLevel).length : 0;
    const ahpButton = kidsLevel && nKids >= 2 && (
      <Button
        size="small"
        type="link"
        data-testid="row-ahp"
        onClick={() => setAhpLevel({ level: kidsLevel, title: `${r.code} ${r.name}` })}
      >
        AHP
      </Button>
    );
    // A reader sees the AHP view too (judgement matrix and consistency), read-only.
    if (readOnly)
      return (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => setEditing(r)} icon={<EditOutlined />}>
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
            onClick={() => setEditing(r)}
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
                change(
                  addSubItem(doc, r.ref.index, { code: `S${n}`, name: t('planEditor.levels.sub_item') }),
                );
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

  const errorCount = issues.filter((i) => i.severity === 'error').length;
  const counts = sectionCounts(issues);
  const tabLabel = (label: string, section: Section) => (
    <Space size={4}>
      {label}
      {counts[section] > 0 && <Badge count={counts[section]} size="small" />}
    </Space>
  );
  const panel = (node: ReactNode) => <ConfigProvider componentDisabled={readOnly}>{node}</ConfigProvider>;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Row gutter={[12, 8]} align="middle">
          <Col flex="auto">
            <Space wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {detail.name}
              </Typography.Title>
              <StatusTag status={detail.status} />
              <ErrorCount n={errorCount} />
              {dirty && <Tag color="orange">{t('planEditor.unsaved')}</Tag>}
            </Space>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, md: 4 }}
              style={{ marginTop: 8 }}
              items={[
                { key: 'y', label: t('plans.year'), children: detail.year },
                { key: 'r', label: t('plans.revision'), children: detail.revision },
                {
                  key: 's',
                  label: t('planEditor.scoring'),
                  children: t(`trace.mode.${doc.scoring === 'weighted' ? 'weighted' : 'points'}`),
                },
                {
                  key: 'u',
                  label: t('plans.updatedAt'),
                  children: `${formatDateTime(detail.updatedAt)}${detail.updatedBy ? ` · ${detail.updatedBy}` : ''}`,
                },
              ]}
            />
          </Col>
          {!readOnly && (
            <Col>
              <Space wrap>
                <Button
                  icon={<UndoOutlined />}
                  disabled={!dirty}
                  onClick={() => {
                    setDoc(detail.document as unknown as Plan);
                    setDirty(false);
                  }}
                >
                  {t('planEditor.discard')}
                </Button>
                <Popover
                  trigger="click"
                  content={
                    <Space orientation="vertical">
                      <Input.TextArea
                        value={note}
                        onChange={(e) => setNote(e.target.value)}
                        placeholder={t('planEditor.saveNote')}
                        maxLength={500}
                        autoSize={{ minRows: 2 }}
                        style={{ width: 280 }}
                      />
                      <Button
                        type="primary"
                        block
                        loading={save.isPending}
                        data-testid="plan-save-confirm"
                        onClick={() => save.mutate()}
                      >
                        {t('common.save')}
                      </Button>
                    </Space>
                  }
                >
                  <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} data-testid="plan-save">
                    {t('planEditor.save')}
                  </Button>
                </Popover>
              </Space>
            </Col>
          )}
        </Row>
        {detail.status !== 'draft' && (
          <Alert
            data-testid="plan-readonly"
            type="info"
            showIcon
            title={t('planEditor.readOnly')}
            style={{ marginTop: 8 }}
          />
        )}
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'settings',
              label: tabLabel(t('planForms.tabs.settings'), 'settings'),
              children: panel(<SettingsPanel doc={doc} change={change} issues={issues} />),
            },
            {
              key: 'structure',
              label: tabLabel(t('planForms.tabs.structure'), 'structure'),
              children: panel(<StructurePanel doc={doc} change={change} issues={issues} />),
            },
            {
              key: 'tree',
              label: tabLabel(t('planEditor.crumb'), 'tree'),
              children: (
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
                    <Table<PlanRow>
                      data-testid="plan-tree"
                      size="small"
                      rowKey="key"
                      dataSource={rows}
                      columns={columns}
                      pagination={false}
                      scroll={{ x: 'max-content' }}
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
                          rowOf={(i) =>
                            [...index.byRow.entries()].find(([, v]) => v.includes(i))?.[0] ?? null
                          }
                          onSection={(i) => setTab(issueSection(i.path))}
                          onPick={(key) => {
                            setHighlight(key);
                            document.getElementById(`row-${key}`)?.scrollIntoView({ block: 'center' });
                          }}
                        />
                      )}
                    </Card>
                  </Col>
                </Row>
              ),
            },
            {
              key: 'grades',
              label: tabLabel(t('planForms.tabs.grades'), 'grades'),
              children: panel(<GradesPanel doc={doc} change={change} issues={issues} />),
            },
            {
              key: 'rankings',
              label: tabLabel(t('planForms.tabs.rankings'), 'rankings'),
              children: panel(<RankingsPanel doc={doc} change={change} issues={issues} />),
            },
            {
              key: 'revisions',
              label: t('planEditor.revisions'),
              children: (
                <Revisions
                  planId={detail.id}
                  onDiff={(revision) => {
                    setDiffQuery({ revision });
                    setTab('diff');
                  }}
                />
              ),
            },
            {
              key: 'diff',
              label: t('planEditor.diff'),
              children: <DiffTab plan={detail} query={diffQuery} onQuery={setDiffQuery} />,
            },
          ]}
        />
      </Card>
      {editing && (
        <RowDrawer
          plan={doc}
          row={editing}
          validate={liveIssues}
          onClose={() => setEditing(null)}
          onApply={(values) => {
            if (!readOnly) change(updateRow(doc, editing.ref, values));
            setEditing(null);
          }}
        />
      )}
      {ahpLevel && (
        <AhpModal
          plan={doc}
          level={ahpLevel.level}
          title={ahpLevel.title}
          readOnly={readOnly}
          onClose={() => setAhpLevel(null)}
          onApply={(weights, matrix) => {
            change(applyAhpWeights(doc, ahpLevel.level, weights, matrix));
            message.success(t('ahp.applied'));
            setAhpLevel(null);
          }}
        />
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

function Revisions({ planId, onDiff }: { planId: number; onDiff: (revision: number) => void }) {
  const { t } = useTranslation();
  const revs = useRevisions(planId);
  return (
    <Table
      data-testid="plan-revisions"
      size="small"
      rowKey="revision"
      {...queryTable(revs, undefined, 'plan-revisions')}
      dataSource={[...(revs.data ?? [])].sort((a, b) => b.revision - a.revision)}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('plans.revision'), dataIndex: 'revision', width: 80 },
        {
          title: t('planEditor.savedAt'),
          dataIndex: 'savedAt',
          render: (v: string) => formatDateTime(v),
        },
        { title: t('planEditor.savedBy'), dataIndex: 'savedBy', render: (v: string | null) => v ?? '—' },
        { title: t('planEditor.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
        {
          title: t('common.actions'),
          key: 'a',
          render: (_, r) => (
            <Button size="small" type="link" onClick={() => onDiff(r.revision)}>
              {t('planEditor.diffWithRevision', { n: r.revision })}
            </Button>
          ),
        },
      ]}
    />
  );
}

function DiffTab({
  plan,
  query,
  onQuery,
}: {
  plan: PlanSummary;
  query: { againstPlanId?: number; revision?: number } | null;
  onQuery: (q: { againstPlanId?: number; revision?: number } | null) => void;
}) {
  const { t } = useTranslation();
  const plans = usePlans({ systemId: plan.systemId });
  const revs = useRevisions(plan.id);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          data-testid="diff-against-plan"
          allowClear
          style={{ minWidth: 300 }}
          placeholder={t('planEditor.diffAgainstPlan')}
          value={query?.againstPlanId}
          onChange={(v) => onQuery(v ? { againstPlanId: v } : null)}
          options={(plans.data ?? [])
            .filter((p) => p.id !== plan.id)
            .map((p) => ({ value: p.id, label: `${p.year} · ${p.name}` }))}
        />
        <Select
          data-testid="diff-against-revision"
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('planEditor.diffAgainstRevision')}
          value={query?.revision}
          onChange={(v) => onQuery(v ? { revision: v } : null)}
          options={(revs.data ?? []).map((r) => ({
            value: r.revision,
            label: `${t('plans.revision')} ${r.revision}`,
          }))}
        />
      </Space>
      <DiffView planId={plan.id} query={query} />
    </Space>
  );
}
