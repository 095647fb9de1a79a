import { type OrgKind, type OrgNode, orgKinds } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import type { ButtonProps } from 'antd';
import { Form, Input, InputNumber, Select } from 'antd';
import { FormModal } from '../../shared/FormModal.js';
import { useFeedback } from '../../shared/feedback.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { orgApi, orgKeys } from './api.js';
import { codeRule } from './rules.js';
import { SystemGroupFields } from './SystemGroupFields.js';

interface CreateForm {
  code: string;
  name: string;
  kind: OrgKind;
  systemId?: number | null;
  groupId?: number | null;
  sortOrder?: number | null;
}

/** A sensible kind for a new child: regions hold departments, other units hold sections. */
export function defaultChildKind(parent: Pick<OrgNode, 'kind'> | undefined): OrgKind {
  if (!parent) return 'region';
  return parent.kind === 'region' ? 'department' : 'section';
}

export function CreateNodeModal({
  parent,
  onClose,
  onCreated,
}: {
  parent: OrgNode | undefined;
  onClose: () => void;
  onCreated: (node: OrgNode) => void;
}) {
  const { t, message, queryClient } = useFeedback();
  const [form] = Form.useForm<CreateForm>();

  const create = useMutation({
    mutationFn: (v: CreateForm) =>
      orgApi.createNode({
        parentId: parent?.id ?? null,
        kind: v.kind,
        code: v.code.trim(),
        name: v.name.trim(),
        systemId: v.systemId ?? null,
        groupId: v.groupId ?? null,
        ...(v.sortOrder != null ? { sortOrder: v.sortOrder } : {}),
      }),
    onSuccess: async (node) => {
      message.success(t('org.created', { name: node.name }));
      await queryClient.invalidateQueries({ queryKey: orgKeys.nodes });
      onCreated(node);
    },
  });

  return (
    <FormModal<CreateForm>
      form={form}
      mutation={create}
      onClose={onClose}
      title={parent ? t('org.createChildOf', { name: parent.name }) : t('org.createRoot')}
      okText={t('common.create')}
      okButtonProps={{ 'data-testid': 'org-form-submit' } as ButtonProps}
      initialValues={{ kind: defaultChildKind(parent), systemId: parent?.systemId ?? null }}
    >
      <RequiredItem name="code" label={t('org.field.code')} rules={[codeRule(t)]}>
        <Input data-testid="org-form-code" maxLength={64} />
      </RequiredItem>
      <RequiredItem name="name" label={t('org.field.name')} text rules={[{ max: 200 }]}>
        <Input data-testid="org-form-name" maxLength={200} />
      </RequiredItem>
      <RequiredItem name="kind" label={t('org.field.kind')}>
        <Select
          data-testid="org-form-kind"
          options={orgKinds.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
        />
      </RequiredItem>
      <SystemGroupFields form={form} />
      <Form.Item name="sortOrder" label={t('org.field.sortOrder')}>
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
