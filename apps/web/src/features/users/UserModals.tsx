import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { User } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Divider, Form, Input, Modal, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.js';
import { roleLabel, scopeLabel } from '../../shared/grants.js';
import { PasswordHint, passwordRule } from '../auth/PasswordHint.js';
import { OrgNodeSelect } from '../org/OrgNodeSelect.js';
import { userApi, userKeys } from './api.js';
import { GrantFields } from './GrantFields.js';
import { type GrantFormValue, toGrantInput } from './grants.js';

const USERNAME = /^[A-Za-z0-9._-]+$/;

interface CreateForm {
  username: string;
  displayName: string;
  orgNodeId?: number | null;
  password: string;
  grants?: GrantFormValue[];
}

export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateForm>();
  const password = Form.useWatch('password', form) ?? '';
  const create = useMutation({
    mutationFn: (v: CreateForm) =>
      userApi.create({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        orgNodeId: v.orgNodeId ?? null,
        password: v.password,
        grants: (v.grants ?? []).map(toGrantInput),
      }),
    onSuccess: async (u) => {
      message.success(t('org.created', { name: u.displayName }));
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open
      width={760}
      title={t('users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('common.create')}
      destroyOnHidden
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        initialValues={{ grants: [] }}
      >
        <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 260, flex: 1 } }}>
          <Form.Item
            name="username"
            label={t('users.username')}
            rules={[
              { required: true, message: t('common.required') },
              { min: 3, max: 64, message: t('users.usernameHint') },
              { pattern: USERNAME, message: t('users.usernameHint') },
            ]}
          >
            <Input data-testid="user-form-username" autoComplete="off" maxLength={64} />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('users.displayName')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input data-testid="user-form-displayName" maxLength={100} />
          </Form.Item>
        </Space>
        <Form.Item name="orgNodeId" label={t('users.orgNode')}>
          <OrgNodeSelect />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          tooltip={t('users.passwordHint')}
          rules={[{ required: true, message: t('common.required') }, passwordRule(t)]}
          extra={<PasswordHint password={password} />}
        >
          <Input.Password data-testid="user-form-password" autoComplete="new-password" />
        </Form.Item>
        <Divider titlePlacement="start">{t('users.grants')}</Divider>
        <Form.List name="grants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Card key={field.key} size="small" style={{ marginBottom: 8 }}>
                  <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                    <GrantFields form={form} prefix={[field.name]} listName={['grants']} inline />
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('users.removeGrant')}
                      style={{ marginTop: 30 }}
                    />
                  </div>
                </Card>
              ))}
              <Button
                data-testid="user-form-add-grant"
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ role: 'unit_filler', scopeType: 'org' })}
              >
                {t('users.addGrant')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

interface EditForm {
  displayName: string;
  orgNodeId: number | null;
  active: boolean;
}

export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditForm>();
  const save = useMutation({
    mutationFn: (v: EditForm) => {
      const patch: Record<string, unknown> & { version: number } = { version: user.version };
      if (v.displayName.trim() !== user.displayName) patch.displayName = v.displayName.trim();
      if ((v.orgNodeId ?? null) !== user.orgNodeId) patch.orgNodeId = v.orgNodeId ?? null;
      if (v.active !== user.active) patch.active = v.active;
      return userApi.update(user.id, patch);
    },
    onSuccess: async () => {
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT')
        void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
  return (
    <Modal
      open
      title={`${t('users.edit')} · ${user.username}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<EditForm>
        form={form}
        layout="vertical"
        initialValues={{ displayName: user.displayName, orgNodeId: user.orgNodeId, active: user.active }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="orgNodeId" label={t('users.orgNode')}>
          <OrgNodeSelect />
        </Form.Item>
        <Form.Item name="active" label={t('users.active')} valuePropName="checked">
          <Switch checkedChildren={t('users.active')} unCheckedChildren={t('users.inactive')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ password: string }>();
  const password = Form.useWatch('password', form) ?? '';
  const reset = useMutation({
    mutationFn: (v: { password: string }) => userApi.resetPassword(user.id, v.password),
    onSuccess: async () => {
      message.success(t('users.passwordReset'));
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('users.resetPasswordOf', { name: user.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v)}>
        <Form.Item
          name="password"
          label={t('password.new')}
          tooltip={t('users.passwordHint')}
          rules={[{ required: true, message: t('common.required') }, passwordRule(t)]}
          extra={<PasswordHint password={password} />}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function GrantsModal({
  user: fromList,
  userId,
  systemName,
  onClose,
}: {
  user: User | undefined;
  userId: number;
  systemName: (id: number) => string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<GrantFormValue>();
  const [fresh, setFresh] = useState<User | undefined>();
  const user = fresh ?? fromList;

  const afterChange = async (u: User, text: string) => {
    setFresh(u);
    message.success(text);
    await queryClient.invalidateQueries({ queryKey: userKeys.all });
  };
  const add = useMutation({
    mutationFn: (v: GrantFormValue) => userApi.addGrant(userId, toGrantInput(v)),
    onSuccess: async (u) => {
      form.resetFields();
      await afterChange(u, t('users.grantAdded'));
    },
  });
  const remove = useMutation({
    mutationFn: (grantId: number) => userApi.removeGrant(userId, grantId),
    onSuccess: (u) => afterChange(u, t('users.grantRemoved')),
  });

  return (
    <Modal
      open
      width={760}
      title={t('users.grantsOf', { name: user?.displayName ?? `#${userId}` })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      <Table
        data-testid="user-grants"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={user?.grants ?? []}
        locale={{ emptyText: t('users.noGrants') }}
        columns={[
          {
            title: t('users.role'),
            dataIndex: 'role',
            render: (r: string) => <Tag color="blue">{roleLabel(t, r)}</Tag>,
          },
          { title: t('users.scope'), key: 'scope', render: (_, g) => scopeLabel(t, g, systemName) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_, g) => (
              <Popconfirm
                title={t('users.removeGrantConfirm')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutate(g.id)}
              >
                <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                  {t('users.removeGrant')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Divider titlePlacement="start">{t('users.addGrant')}</Divider>
      <Form<GrantFormValue>
        form={form}
        layout="vertical"
        initialValues={{ role: 'unit_filler', scopeType: 'org' }}
        onFinish={(v) => add.mutate(v)}
      >
        <GrantFields form={form} prefix={[]} inline />
        <Button
          data-testid="grant-add"
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined />}
          loading={add.isPending}
        >
          {t('users.addGrant')}
        </Button>
      </Form>
    </Modal>
  );
}
