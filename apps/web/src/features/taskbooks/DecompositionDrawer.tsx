import { DeleteOutlined, PlusOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { DecompositionPartInput, TaskTarget } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Empty, Grid, Input, Select, Space, Spin, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../../shared/api.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { useFeedback } from '../../shared/feedback.js';
import { tbApi, tbKeys, useDecomposition } from './api.js';
import { CoverageSummary } from './CoverageSummary.js';
import { checkCoverage, parentsFirst } from './coverage.js';
import { PartTarget } from './PartTarget.js';
import { candidates, newPart, type Part, type Row, toRows, withoutSubtree } from './parts.js';
import { rowErrors } from './status.js';

/** The decomposition of one indicator's target (S1), with a live coverage check by its rule. */
export function DecompositionDrawer({
  bookId,
  line,
  canEdit,
  onClose,
}: {
  bookId: number;
  line: TaskTarget;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const narrow = !Grid.useBreakpoint().md;
  const tree = useDecomposition(bookId, line.indicator);
  const [parts, setParts] = useState<Part[]>([]);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [adding, setAdding] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    if (tree.data) {
      setParts(tree.data.parts.map((p) => ({ ...p, note: p.note ?? null })));
      setErrors(new Map());
    }
  }, [tree.data]);

  const data = tree.data;
  const coverage = useMemo(
    () =>
      data
        ? checkCoverage(data.rule, data.target, `${data.indicator} ${data.name}`, parts)
        : checkCoverage('free', null, '', []),
    [data, parts],
  );
  const labelOf = (key: string | null) =>
    key === null ? `${data?.indicator} ${data?.name}` : (parts.find((p) => p.key === key)?.label ?? key);

  const save = useMutation({
    mutationFn: (ordered: Part[]) =>
      tbApi.saveDecomposition(
        bookId,
        line.indicator,
        data!.stamp,
        ordered.map(
          (p): DecompositionPartInput => ({
            key: p.key,
            parentKey: p.parentKey,
            orgNodeId: p.orgNodeId,
            staffId: p.staffId,
            target: p.target,
            note: p.note,
          }),
        ),
      ),
    onSuccess: (next) => {
      message.success(t('decomp.saved'));
      qc.setQueryData(tbKeys.decomposition(bookId, line.indicator), next);
    },
    onError: (err, ordered) => {
      showError(err);
      if (isApiError(err) && err.code === 'VALIDATION_FAILED') {
        const byRow = rowErrors(err.details, 'parts');
        setErrors(new Map([...byRow].map(([i, e]) => [ordered[i]?.key ?? '', e.message])));
      } else if (isApiError(err) && err.status === 409) void tree.refetch();
    },
  });

  const update = (key: string, patch: Partial<Part>) => {
    setParts((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));
    setErrors((m) => {
      if (!m.has(key)) return m;
      const next = new Map(m);
      next.delete(key);
      return next;
    });
  };
  const remove = (key: string) => setParts((ps) => withoutSubtree(ps, key));
  const add = (parentKey: string | null, value: string) => {
    if (data) setParts((ps) => [...ps, newPart(data, parentKey, value)]);
    setAdding(undefined);
  };

  const addSelect = (parentKey: string | null) => {
    if (!data) return null;
    const parent = parentKey === null ? null : (parts.find((p) => p.key === parentKey) ?? null);
    const { nodes, staff } = candidates(
      data,
      parent,
      parts.filter((p) => p.parentKey === parentKey),
    );
    return (
      <Select
        data-testid="decomp-add-select"
        autoFocus
        defaultOpen
        showSearch={{ optionFilterProp: 'label' }}
        size="small"
        style={{ width: 240 }}
        placeholder={t('decomp.pickNode')}
        onChange={(v: string) => add(parentKey, v)}
        onBlur={() => setAdding(undefined)}
        options={[
          ...(nodes.length ? [{ label: t('decomp.node'), options: nodes }] : []),
          ...(staff.length ? [{ label: t('decomp.staff'), options: staff }] : []),
        ]}
      />
    );
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={narrow ? '100%' : 900}
      title={t('decomp.title', { code: line.indicator, name: line.name })}
      data-testid="decomp-drawer"
      extra={
        canEdit &&
        data && (
          <Button
            data-testid="decomp-save"
            type="primary"
            loading={save.isPending}
            disabled={data.target === null}
            onClick={() => save.mutate(parentsFirst(parts))}
          >
            {t('decomp.save')}
          </Button>
        )
      }
    >
      {!data ? (
        <Spin />
      ) : (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('taskbooks.col.target')}>
              <span data-testid="decomp-whole">{data.target ?? '—'}</span> {line.measureUnit ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('taskbooks.col.rule')}>
              <Tag>{t(`taskbooks.rules.${data.rule}`)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          {data.target === null && <Alert type="warning" showIcon title={t('decomp.noTarget')} />}
          <CoverageSummary
            rule={data.rule}
            coverage={coverage}
            labelOf={labelOf}
            hasParts={parts.length > 0}
          />
          {canEdit && (
            <Space style={{ margin: '12px 0' }}>
              {adding === null ? (
                addSelect(null)
              ) : (
                <Button
                  data-testid="decomp-add-top"
                  icon={<PlusOutlined />}
                  size="small"
                  onClick={() => setAdding(null)}
                >
                  {t('decomp.addTop')}
                </Button>
              )}
            </Space>
          )}
          {parts.length === 0 ? (
            <Empty description={t('decomp.empty')} />
          ) : (
            <CompactTable<Row>
              data-testid="decomp-tree"
              rowKey="key"
              dataSource={toRows(parts)}
              expandable={{ defaultExpandAllRows: true, expandedRowKeys: parts.map((p) => p.key) }}
              onRow={(p) =>
                ({
                  'data-part': p.key,
                  'data-bad': coverage.badKeys.has(p.key) || errors.has(p.key) ? '1' : '0',
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  title: t('decomp.part'),
                  dataIndex: 'label',
                  render: (v: string, p) => (
                    <Space size={4}>
                      {p.staffId ? <UserOutlined /> : <TeamOutlined />}
                      <span data-testid="decomp-label">{v}</span>
                    </Space>
                  ),
                },
                {
                  title: t('decomp.target'),
                  dataIndex: 'target',
                  render: (v: number | null, p) => (
                    <PartTarget
                      value={v}
                      error={errors.get(p.key)}
                      bad={coverage.badKeys.has(p.key)}
                      editable={canEdit}
                      onChange={(target) => update(p.key, { target })}
                    />
                  ),
                },
                {
                  title: t('decomp.note'),
                  dataIndex: 'note',
                  render: (v: string | null, p) =>
                    canEdit ? (
                      <Input
                        style={{ width: 160 }}
                        value={v ?? ''}
                        onChange={(e) => update(p.key, { note: e.target.value || null })}
                      />
                    ) : (
                      (v ?? '')
                    ),
                },
                ...(canEdit
                  ? [
                      {
                        title: t('taskbooks.col.actions'),
                        key: 'actions',
                        render: (_: unknown, p: Row) => (
                          <Space size={4}>
                            {p.orgNodeId !== null &&
                              (adding === p.key ? (
                                addSelect(p.key)
                              ) : (
                                <Button
                                  data-testid="decomp-add-child"
                                  icon={<PlusOutlined />}
                                  onClick={() => setAdding(p.key)}
                                >
                                  {t('decomp.addChild')}
                                </Button>
                              ))}
                            <Button
                              data-testid="decomp-remove"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('decomp.remove')}
                              onClick={() => remove(p.key)}
                            />
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
