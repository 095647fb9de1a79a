import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { type OrgNode, orgKinds } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Popconfirm, Select, Space } from 'antd';
import { useMemo } from 'react';
import { isApiError } from '../../shared/api.js';
import { useFeedback } from '../../shared/feedback.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { SubmitButton } from '../../shared/SubmitButton.js';
import { orgApi, orgKeys, useOrgNodes } from './api.js';
import { OrgNodeSelect } from './OrgNodeSelect.js';
import { SystemGroupFields } from './SystemGroupFields.js';
import { buildTree, subtreeIds } from './tree.js';

interface EditForm {
  code: string;
  kind: OrgNode['kind'];
  parentId: number | null;
  name: string;
  systemId: number | null;
  groupId: number | null;
  sortOrder: number;
}

const EDITABLE = ['parentId', 'name', 'systemId', 'groupId', 'sortOrder'] as const;

/** The fields the user changed, for PATCH /api/org-nodes/:id (with `version`). */
export function changedNodeFields(node: OrgNode, v: EditForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of EDITABLE) {
    const next = k === 'name' ? v.name.trim() : (v[k] ?? null);
    if (next !== node[k]) out[k] = next;
  }
  return out;
}

export function NodeDetailForm({
  node,
  canWrite,
  hasChildren,
  onDeleted,
}: {
  node: OrgNode;
  canWrite: boolean;
  hasChildren: boolean;
  onDeleted: () => void;
}) {
  const { t, message, queryClient } = useFeedback();
  const [form] = Form.useForm<EditForm>();
  const nodes = useOrgNodes();
  const ownSubtree = useMemo(() => subtreeIds(buildTree(nodes.data ?? []), node.id), [nodes.data, node.id]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.nodes });

  const save = useMutation({
    mutationFn: (patch: Record<string, unknown>) =>
      orgApi.updateNode(node.id, { ...patch, version: node.version }),
    onSuccess: async () => {
      message.success(t('common.saved'));
      await refresh();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT') void refresh();
    },
  });

  const remove = useMutation({
    mutationFn: () => orgApi.deleteNode(node.id),
    onSuccess: async () => {
      message.success(t('common.deleted'));
      onDeleted();
      await refresh();
    },
  });

  return (
    <Form<EditForm>
      form={form}
      layout="vertical"
      disabled={!canWrite}
      style={{ maxWidth: 640 }}
      initialValues={{
        code: node.code,
        kind: node.kind,
        parentId: node.parentId,
        name: node.name,
        systemId: node.systemId,
        groupId: node.groupId,
        sortOrder: node.sortOrder,
      }}
      onFinish={(v) => {
        const patch = changedNodeFields(node, v);
        if (Object.keys(patch).length === 0) message.info(t('common.noChanges'));
        else save.mutate(patch);
      }}
    >
      <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 240, flex: 1 } }}>
        <Form.Item name="code" label={t('org.field.code')}>
          <Input disabled />
        </Form.Item>
        <Form.Item name="kind" label={t('org.field.kind')} tooltip={t('org.kindReadOnly')}>
          <Select disabled options={orgKinds.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))} />
        </Form.Item>
      </Space>
      <RequiredItem name="name" label={t('org.field.name')} text rules={[{ max: 200 }]}>
        <Input data-testid="org-detail-name" maxLength={200} />
      </RequiredItem>
      <Form.Item name="parentId" label={t('org.field.parent')}>
        <OrgNodeSelect exclude={ownSubtree} placeholder={t('org.topLevel')} />
      </Form.Item>
      <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 240, flex: 1 } }}>
        <SystemGroupFields form={form} />
      </Space>
      <Form.Item name="sortOrder" label={t('org.field.sortOrder')}>
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
      </Form.Item>
      {canWrite && (
        <Space>
          <SubmitButton testId="org-save" icon={<SaveOutlined />} saving={save.isPending}>
            {t('common.save')}
          </SubmitButton>
          <Popconfirm
            title={t('org.deleteConfirm', { name: node.name })}
            description={hasChildren ? t('org.deleteHasChildren') : undefined}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutate()}
          >
            <Button data-testid="org-delete" danger icon={<DeleteOutlined />} loading={remove.isPending}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </Form>
  );
}
