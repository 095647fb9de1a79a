import type { OrgNode } from '@jixiao/contracts';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgNodes } from './api.js';
import { buildTree, type TreeNode } from './tree.js';

interface Option {
  value: number;
  title: string;
  disabled?: boolean;
  children: Option[];
}

function toOptions(list: TreeNode<OrgNode>[], exclude?: Set<number>): Option[] {
  return list.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: exclude?.has(n.id),
    children: toOptions(n.children, exclude),
  }));
}

export interface OrgNodeSelectProps {
  value?: number | null;
  onChange?: (v: number | null) => void;
  /** ids that cannot be chosen (e.g. a node's own subtree when moving it) */
  exclude?: Set<number>;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  'data-testid'?: string;
}

/** Pick one org node from the tree (GET /api/org-nodes). */
export function OrgNodeSelect({
  value,
  onChange,
  exclude,
  placeholder,
  allowClear = true,
  disabled,
  ...rest
}: OrgNodeSelectProps) {
  const { t } = useTranslation();
  const nodes = useOrgNodes();
  const treeData = useMemo(() => toOptions(buildTree(nodes.data ?? []), exclude), [nodes.data, exclude]);
  return (
    <TreeSelect
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      loading={nodes.isLoading}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('org.selectNode')}
      treeDefaultExpandAll={treeData.length < 50}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
