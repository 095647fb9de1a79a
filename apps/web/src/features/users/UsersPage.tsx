import { EditOutlined, KeyOutlined, SafetyCertificateOutlined, UnlockOutlined } from '@ant-design/icons';
import type { User } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Popconfirm, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { formatDateTime } from '../../shared/format.js';
import { roleLabel, scopeLabel } from '../../shared/grants.js';
import { queryRows } from '../../shared/QueryState.js';
import { usePaging } from '../../shared/usePaging.js';
import { useOrgNodes, useSystems } from '../org/api.js';
import { userApi, userKeys, useUsers } from './api.js';
import { CreateUserModal } from './CreateUserModal.js';
import { GrantsModal } from './GrantsModal.js';
import { isLocked } from './grants.js';
import { EditUserModal, ResetPasswordModal } from './UserModals.js';

/** The dialogs a user's row opens, in the order of its link buttons. */
const ROW_DIALOGS = [
  { kind: 'edit', icon: <EditOutlined />, label: 'common.edit' },
  { kind: 'grants', icon: <SafetyCertificateOutlined />, label: 'users.grants' },
  { kind: 'reset', icon: <KeyOutlined />, label: 'users.resetPassword' },
] as const;

type Dialog = { kind: 'create' } | { kind: (typeof ROW_DIALOGS)[number]['kind']; user: User };

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWrite = useCan('users.write');
  const canReadOrg = useCan('org.read');
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const { page, pageSize, setPage, pagination } = usePaging(20);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const nodes = useOrgNodes(canReadOrg);
  const systems = useSystems(canReadOrg);

  const users = useUsers({ q, page, pageSize });

  const unlock = useMutation({
    mutationFn: (u: User) => userApi.unlock(u.id),
    onSuccess: async () => {
      message.success(t('users.unlocked'));
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });

  const orgName = (id: number | null) =>
    id == null ? '—' : (nodes.data?.find((n) => n.id === id)?.name ?? `#${id}`);
  const systemName = (id: number) => systems.data?.find((s) => s.id === id)?.name;

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Input.Search
          data-testid="users-search"
          allowClear
          placeholder={t('users.searchPlaceholder')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 280 }}
        />
        {canWrite && (
          <CreateButton testId="users-create" onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </CreateButton>
        )}
      </Space>
      <CompactTable<User>
        data-testid="users-table"
        rowKey="id"
        {...queryRows(users, undefined, 'users')}
        pagination={pagination(users.data?.total ?? 0)}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.orgNode'), dataIndex: 'orgNodeId', render: (id: number | null) => orgName(id) },
          {
            title: t('users.roles'),
            key: 'grants',
            render: (_, u) =>
              u.grants.length === 0 ? (
                <Tag>{t('users.noGrants')}</Tag>
              ) : (
                <Space size={[0, 4]} wrap>
                  {u.grants.map((g) => (
                    <Tooltip key={g.id} title={scopeLabel(t, g, systemName)}>
                      <Tag color="blue">{roleLabel(t, g.role)}</Tag>
                    </Tooltip>
                  ))}
                </Space>
              ),
          },
          {
            title: t('users.status'),
            key: 'status',
            render: (_, u) => (
              <Space size={[0, 4]} wrap>
                {u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
                {isLocked(u.lockedUntil) && <Tag color="red">{t('users.locked')}</Tag>}
                {u.mustChangePassword && <Tag color="gold">{t('users.mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('users.lastLogin'),
            dataIndex: 'lastLoginAt',
            render: (v: string | null) => (v ? formatDateTime(v) : t('users.never')),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, u: User) => (
                    <Space size={0} wrap>
                      {ROW_DIALOGS.map((d) => (
                        <Button
                          key={d.kind}
                          type="link"
                          icon={d.icon}
                          onClick={() => setDialog({ kind: d.kind, user: u })}
                        >
                          {t(d.label)}
                        </Button>
                      ))}
                      {isLocked(u.lockedUntil) && (
                        <Popconfirm
                          title={t('users.unlockConfirm', { name: u.displayName })}
                          onConfirm={() => unlock.mutate(u)}
                        >
                          <Button size="small" type="link" icon={<UnlockOutlined />}>
                            {t('users.unlock')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog?.kind === 'create' && <CreateUserModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'grants' && (
        <GrantsModal
          user={users.data?.items.find((u) => u.id === dialog.user.id)}
          userId={dialog.user.id}
          systemName={systemName}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
