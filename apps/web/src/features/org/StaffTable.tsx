import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { Staff } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { FormModal } from '../../shared/FormModal.js';
import { useFeedback } from '../../shared/feedback.js';
import { queryRows } from '../../shared/QueryState.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { orgApi, orgKeys, useStaff } from './api.js';
import { OrgNodeSelect } from './OrgNodeSelect.js';
import { codeRule } from './rules.js';

interface StaffForm {
  employeeNo: string;
  name: string;
  title?: string | null;
  orgNodeId: number;
}

export function StaffTable({ orgNodeId, canWrite }: { orgNodeId: number; canWrite: boolean }) {
  const { t, message, queryClient } = useFeedback();
  const staff = useStaff(orgNodeId);
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['staff'] });
  const remove = useMutation({
    mutationFn: (s: Staff) => orgApi.deleteStaff(s.id),
    onSuccess: async () => {
      message.success(t('common.deleted'));
      await refresh();
    },
  });

  return (
    <>
      {canWrite && (
        <CreateButton
          testId="staff-create"
          size="small"
          style={{ marginBottom: 12 }}
          onClick={() => setEditing('new')}
        >
          {t('staff.create')}
        </CreateButton>
      )}
      <CompactTable<Staff>
        rowKey="id"
        {...queryRows(staff, undefined, 'staff')}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('staff.employeeNo'), dataIndex: 'employeeNo' },
          { title: t('staff.name'), dataIndex: 'name' },
          { title: t('staff.title'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, s: Staff) => (
                    <Space>
                      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(s)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('staff.deleteConfirm', { name: s.name })}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove.mutate(s)}
                      >
                        <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <StaffModal
          staff={editing === 'new' ? undefined : editing}
          orgNodeId={orgNodeId}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
          onConflict={() => void queryClient.invalidateQueries({ queryKey: orgKeys.staff(orgNodeId) })}
        />
      )}
    </>
  );
}

function StaffModal({
  staff,
  orgNodeId,
  onClose,
  onSaved,
  onConflict,
}: {
  staff: Staff | undefined;
  orgNodeId: number;
  onClose: () => void;
  onSaved: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffForm>();
  const save = useMutation({
    mutationFn: (v: StaffForm) => {
      const title = v.title?.trim() ? v.title.trim() : null;
      if (!staff)
        return orgApi.createStaff({
          orgNodeId,
          employeeNo: v.employeeNo.trim(),
          name: v.name.trim(),
          title,
        });
      const patch: Record<string, unknown> & { version: number } = { version: staff.version };
      if (v.name.trim() !== staff.name) patch.name = v.name.trim();
      if (title !== staff.title) patch.title = title;
      if (v.orgNodeId !== staff.orgNodeId) patch.orgNodeId = v.orgNodeId;
      return orgApi.updateStaff(staff.id, patch);
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      onSaved();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT') onConflict();
    },
  });
  return (
    <FormModal<StaffForm>
      form={form}
      mutation={save}
      onClose={onClose}
      title={staff ? t('staff.edit') : t('staff.create')}
      initialValues={staff ? { ...staff } : { orgNodeId }}
    >
      <RequiredItem name="employeeNo" label={t('staff.employeeNo')} rules={[codeRule(t)]}>
        <Input disabled={!!staff} maxLength={64} />
      </RequiredItem>
      <RequiredItem name="name" label={t('staff.name')} text>
        <Input maxLength={200} />
      </RequiredItem>
      <Form.Item name="title" label={t('staff.title')}>
        <Input maxLength={100} />
      </Form.Item>
      {staff && (
        <RequiredItem name="orgNodeId" label={t('staff.orgNode')}>
          <OrgNodeSelect allowClear={false} />
        </RequiredItem>
      )}
    </FormModal>
  );
}
