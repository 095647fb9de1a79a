import { type Role, roles, scopeTypes } from '@jixiao/contracts';
import type { FormInstance } from 'antd';
import { Form, Select } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../shared/grants.js';
import { useSystems } from '../org/api.js';
import { OrgNodeSelect } from '../org/OrgNodeSelect.js';
import { systemOptions } from '../org/options.js';
import { defaultScopeFor } from './grants.js';

/**
 * Role + scope editor for one grant. `prefix` is the field path of the grant inside the form
 * (e.g. `[index]` inside a Form.List, or `[]` for a form that is one grant).
 */
export function GrantFields({
  form,
  prefix,
  listName,
  inline,
}: {
  form: FormInstance;
  prefix: (string | number)[];
  /** full path prefix for reading values when inside Form.List */
  listName?: (string | number)[];
  inline?: boolean;
}) {
  const { t } = useTranslation();
  const systems = useSystems();
  const full = (k: string): NamePath => [...(listName ?? []), ...prefix, k];
  const name = (k: string): NamePath => [...prefix, k];
  const itemStyle = inline ? { minWidth: 180, marginBottom: 8 } : undefined;
  return (
    <>
      <Form.Item
        name={name('role')}
        label={t('users.role')}
        rules={[{ required: true, message: t('common.required') }]}
        style={itemStyle}
      >
        <Select
          data-testid="grant-role"
          options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          onChange={(r: Role) => form.setFieldValue(full('scopeType'), defaultScopeFor(r))}
          style={{ minWidth: 160 }}
        />
      </Form.Item>
      <Form.Item
        name={name('scopeType')}
        label={t('users.scopeType')}
        rules={[{ required: true, message: t('common.required') }]}
        style={itemStyle}
      >
        <Select
          data-testid="grant-scope"
          options={scopeTypes.map((s) => ({ value: s, label: t(`scope.types.${s}`) }))}
          style={{ minWidth: 140 }}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={[full('scopeType')]}>
        {() => {
          const scope = form.getFieldValue(full('scopeType'));
          if (scope === 'org')
            return (
              <Form.Item
                name={name('orgNodeId')}
                label={t('users.orgNode')}
                rules={[{ required: true, message: t('common.required') }]}
                style={{ ...itemStyle, minWidth: 220 }}
              >
                <OrgNodeSelect />
              </Form.Item>
            );
          if (scope === 'system')
            return (
              <Form.Item
                name={name('systemId')}
                label={t('users.system')}
                rules={[{ required: true, message: t('common.required') }]}
                style={itemStyle}
              >
                <Select
                  options={systemOptions(systems.data ?? [])}
                  loading={systems.isLoading}
                  style={{ minWidth: 160 }}
                />
              </Form.Item>
            );
          if (scope === 'indicators' || scope === 'objects')
            return (
              <Form.Item
                name={name('refs')}
                label={t('users.refs')}
                tooltip={t('users.refsHint')}
                rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
                style={{ ...itemStyle, minWidth: 220 }}
              >
                <Select
                  mode="tags"
                  open={false}
                  tokenSeparators={[',', '，', ' ']}
                  style={{ minWidth: 200 }}
                />
              </Form.Item>
            );
          return null;
        }}
      </Form.Item>
    </>
  );
}
