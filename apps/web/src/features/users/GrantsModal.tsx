import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { User } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Divider, Form, Modal, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { useFeedback } from '../../shared/feedback.js';
import { roleLabel, scopeLabel } from '../../shared/grants.js';
import { SubmitButton } from '../../shared/SubmitButton.js';
import { userApi, userKeys } from './api.js';
import { GrantFields } from './GrantFields.js';
import { type GrantFormValue, toGrantInput } from './grants.js';

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
  const { t, message, queryClient } = useFeedback();
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
        <SubmitButton testId="grant-add" icon={<PlusOutlined />} saving={add.isPending}>
          {t('users.addGrant')}
        </SubmitButton>
      </Form>
    </Modal>
  );
}
