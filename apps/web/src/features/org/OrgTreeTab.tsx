import type { OrgNode } from '@jixiao/contracts';
import type { TreeDataNode } from 'antd';
import { Card, Col, Empty, Input, Row, Space, Tabs, Tag, Tree, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/auth.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { QueryState } from '../../shared/QueryState.js';
import { useOrgNodes } from './api.js';
import { CreateNodeModal } from './CreateNodeModal.js';
import { ImportControls } from './ImportControls.js';
import { NodeDetailForm } from './NodeDetailForm.js';
import { StaffTable } from './StaffTable.js';
import { buildTree, filterTree, pathTo, type TreeNode } from './tree.js';

function toTreeData(list: TreeNode<OrgNode>[]): TreeDataNode[] {
  // The title is the bare name so a browser test can find the node with getByText(name).
  return list.map((n) => ({ key: n.id, title: n.name, children: toTreeData(n.children) }));
}

export function OrgTreeTab() {
  const { t } = useTranslation();
  const canWrite = useCan('org.write');
  const nodes = useOrgNodes();
  const [selectedId, setSelectedId] = useState<number | undefined>();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<number[] | undefined>();
  const [creating, setCreating] = useState(false);
  const [detailTab, setDetailTab] = useState('info');

  const rows = nodes.data ?? [];
  const forest = useMemo(() => buildTree(rows), [rows]);
  const filtered = useMemo(() => filterTree(forest, search), [forest, search]);
  const treeData = useMemo(() => toTreeData(filtered.roots), [filtered]);
  const selected = rows.find((n) => n.id === selectedId);

  // Open the first two levels on first load.
  useEffect(() => {
    if (expanded === undefined && forest.length)
      setExpanded([...forest.map((r) => r.id), ...forest.flatMap((r) => r.children.map((c) => c.id))]);
  }, [forest, expanded]);

  const expandedKeys = search.trim()
    ? [...new Set([...(expanded ?? []), ...filtered.expand])]
    : (expanded ?? []);

  function reveal(id: number) {
    const path = pathTo(rows, id).map((n) => n.id);
    setExpanded((prev) => [...new Set([...(prev ?? []), ...path.slice(0, -1)])]);
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={10} lg={8} xl={7}>
        <Card
          size="small"
          title={t('org.treeTitle')}
          extra={
            canWrite && (
              <CreateButton testId="org-create-child" size="small" onClick={() => setCreating(true)}>
                {selected ? t('org.createChild') : t('org.createRoot')}
              </CreateButton>
            )
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            {canWrite && <ImportControls />}
            <Input.Search
              allowClear
              placeholder={t('org.searchPlaceholder')}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={setSearch}
              data-testid="org-search"
            />
            <div
              data-testid="org-tree"
              style={{ maxHeight: 'calc(100vh - 300px)', minHeight: 200, overflow: 'auto' }}
            >
              {!nodes.data ? (
                <QueryState query={nodes} inline testId="org-tree" />
              ) : treeData.length === 0 ? (
                <Empty description={search ? t('org.noMatch') : t('org.emptyTree')} />
              ) : (
                <Tree
                  blockNode
                  showLine
                  treeData={treeData}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpanded(keys.map(Number))}
                  selectedKeys={selectedId !== undefined ? [selectedId] : []}
                  onSelect={(keys) => setSelectedId(keys.length ? Number(keys[0]) : undefined)}
                />
              )}
            </div>
          </Space>
        </Card>
      </Col>
      <Col xs={24} md={14} lg={16} xl={17}>
        {selected ? (
          <Card
            size="small"
            title={
              <Space wrap>
                <Typography.Text strong>
                  {pathTo(rows, selected.id)
                    .map((n) => n.name)
                    .join(' / ')}
                </Typography.Text>
                <Tag>{t(`org.kind.${selected.kind}`)}</Tag>
              </Space>
            }
          >
            <Tabs
              activeKey={detailTab}
              onChange={setDetailTab}
              items={[
                {
                  key: 'info',
                  label: t('org.detail.info'),
                  children: (
                    <NodeDetailForm
                      key={`${selected.id}:${selected.version}`}
                      node={selected}
                      canWrite={canWrite}
                      hasChildren={rows.some((n) => n.parentId === selected.id)}
                      onDeleted={() => setSelectedId(selected.parentId ?? undefined)}
                    />
                  ),
                },
                {
                  key: 'staff',
                  label: t('org.detail.staff'),
                  children: <StaffTable orgNodeId={selected.id} canWrite={canWrite} />,
                },
              ]}
            />
          </Card>
        ) : (
          <Card size="small">
            <Empty description={t('org.selectHint')} />
          </Card>
        )}
      </Col>
      {creating && (
        <CreateNodeModal
          parent={selected}
          onClose={() => setCreating(false)}
          onCreated={(node) => {
            setCreating(false);
            reveal(node.id);
            if (node.parentId != null) setExpanded((prev) => [...new Set([...(prev ?? []), node.parentId!])]);
            setSelectedId(node.id);
          }}
        />
      )}
    </Row>
  );
}
