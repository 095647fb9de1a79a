import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.js';
import { useCan } from '../../shared/auth.js';
import { CompactTable } from '../../shared/CompactTable.js';
import { CreateButton } from '../../shared/CreateButton.js';
import { FormModal } from '../../shared/FormModal.js';
import { useFeedback } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { orgApi, orgKeys, useCategories, useGroups, useOrgNodes, useSystems } from './api.js';
import { OrgNodeSelect } from './OrgNodeSelect.js';
import { buildHierarchy, type HierarchyRow } from './options.js';
import { codeRule } from './rules.js';

type Editing =
  | { mode: 'create'; type: 'system' }
  | { mode: 'create'; type: 'category'; parent: HierarchyRow }
  | { mode: 'create'; type: 'group'; parent: HierarchyRow }
  | { mode: 'edit'; row: HierarchyRow };

const KEYS = { system: orgKeys.systems, category: orgKeys.categories, group: orgKeys.groups } as const;
const TAG_COLORS = { system: 'blue', category: 'green', group: 'orange' } as const;
/** What a row's add button creates under it: a category under a system, a group under a category. */
const CHILD = {
  system: { type: 'category', add: 'systems.addCategory' },
  category: { type: 'group', add: 'systems.addGroup' },
} as const;

export function SystemsTab() {
  const { t } = useTranslation();
  const canWrite = useCan('org.write');
  const systems = useSystems();
  const categories = useCategories();
  const groups = useGroups();
  const nodes = useOrgNodes();
  const [editing, setEditing] = useState<Editing | null>(null);
  const rows = useMemo(
    () => buildHierarchy(systems.data ?? [], categories.data ?? [], groups.data ?? []),
    [systems.data, categories.data, groups.data],
  );
  const nodeName = (id: number | null | undefined) =>
    id == null ? '—' : (nodes.data?.find((n) => n.id === id)?.name ?? `#${id}`);
  const loading = systems.isLoading || categories.isLoading || groups.isLoading;

  if (!systems.data || !categories.data || !groups.data)
    return <QueryState query={systems} also={[categories, groups]} inline testId="systems" />;

  return (
    <>
      {canWrite && (
        <CreateButton
          testId="system-create"
          style={{ marginBottom: 12 }}
          onClick={() => setEditing({ mode: 'create', type: 'system' })}
        >
          {t('systems.createSystem')}
        </CreateButton>
      )}
      <CompactTable<HierarchyRow>
        key={loading ? 'loading' : 'ready'}
        data-testid="systems-table"
        loading={loading}
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: t('systems.name'), dataIndex: 'name' },
          { title: t('systems.code'), dataIndex: 'code' },
          {
            title: t('systems.type'),
            dataIndex: 'type',
            render: (v: HierarchyRow['type']) => <Tag color={TAG_COLORS[v]}>{t(`systems.types.${v}`)}</Tag>,
          },
          {
            title: t('systems.owner'),
            dataIndex: 'ownerOrgId',
            render: (v: number | null | undefined, r) => (r.type === 'system' ? nodeName(v) : ''),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: HierarchyRow) => {
                    const child = r.type === 'group' ? undefined : CHILD[r.type];
                    return (
                      <Space>
                        <Button
                          type="link"
                          icon={<EditOutlined />}
                          onClick={() => setEditing({ mode: 'edit', row: r })}
                        >
                          {t('common.edit')}
                        </Button>
                        {child && (
                          <Button
                            type="link"
                            icon={<PlusOutlined />}
                            onClick={() => setEditing({ mode: 'create', type: child.type, parent: r })}
                          >
                            {t(child.add)}
                          </Button>
                        )}
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      {editing && <HierarchyModal editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

interface HierarchyForm {
  code: string;
  name: string;
  ownerOrgId?: number | null;
}

function HierarchyModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t, message, queryClient } = useFeedback();
  const [form] = Form.useForm<HierarchyForm>();
  const type = editing.mode === 'edit' ? editing.row.type : editing.type;

  const save = useMutation({
    mutationFn: (v: HierarchyForm) => {
      if (editing.mode === 'edit') {
        const r = editing.row;
        const body: Record<string, unknown> & { version: number } = {
          name: v.name.trim(),
          version: r.version,
        };
        if (r.type === 'system') body.ownerOrgId = v.ownerOrgId ?? null;
        return orgApi.updateLevel(r.type, r.id, body);
      }
      const base = { code: v.code.trim(), name: v.name.trim() };
      if (editing.type === 'system')
        return orgApi.createLevel('system', { ...base, ownerOrgId: v.ownerOrgId ?? null });
      if (editing.type === 'category')
        return orgApi.createLevel('category', { ...base, systemId: editing.parent.id });
      return orgApi.createLevel('group', { ...base, categoryId: editing.parent.id });
    },
    onSuccess: async () => {
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: KEYS[type] });
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'VERSION_CONFLICT')
        void queryClient.invalidateQueries({ queryKey: KEYS[type] });
    },
  });

  const title =
    editing.mode === 'edit'
      ? t('systems.editTitle', { type: t(`systems.types.${type}`), name: editing.row.name })
      : editing.type === 'system'
        ? t('systems.createSystem')
        : t('systems.createUnder', { type: t(`systems.types.${type}`), name: editing.parent.name });

  return (
    <FormModal<HierarchyForm>
      form={form}
      mutation={save}
      onClose={onClose}
      title={title}
      initialValues={editing.mode === 'edit' ? { ...editing.row } : {}}
    >
      <Form.Item
        name="code"
        label={t('systems.code')}
        rules={
          editing.mode === 'edit' ? [] : [{ required: true, message: t('common.required') }, codeRule(t)]
        }
      >
        <Input disabled={editing.mode === 'edit'} maxLength={64} />
      </Form.Item>
      <RequiredItem name="name" label={t('systems.name')} text>
        <Input maxLength={200} />
      </RequiredItem>
      {type === 'system' && (
        <Form.Item name="ownerOrgId" label={t('systems.owner')}>
          <OrgNodeSelect />
        </Form.Item>
      )}
    </FormModal>
  );
}
