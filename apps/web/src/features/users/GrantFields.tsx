import { type Role, roles, scopeTypes } from '@jixiao/contracts';
import type { FormInstance } from 'antd';
import { Col, Form, Row, Select } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../shared/grants.js';
import { useSystems } from '../org/api.js';
import { OrgNodeSelect } from '../org/OrgNodeSelect.js';
import { systemOptions } from '../org/options.js';
import { defaultScopeFor } from './grants.js';

/**
 * Role + scope editor for one grant. `prefix` is the grant's field path relative to the
 * enclosing Form.List field (e.g. `[index]`), or `[]` when the whole form is one grant;
 * `listName` is the list's own path (e.g. `['grants']`), used to read and set values.
 */
export function GrantFields({
  form,
  prefix,
  listName,
  inline,
}: {
  form: FormInstance;
  prefix: (string | number)[];
  listName?: (string | number)[];
  inline?: boolean;
}) {
  const { t } = useTranslation();
  const systems = useSystems();
  const full = (k: string): NamePath => [...(listName ?? []), ...prefix, k];
  const name = (k: string): NamePath => [...prefix, k];
  const itemStyle = inline ? { marginBottom: 8 } : undefined;
  const span = inline ? { xs: 24, sm: 8 } : { span: 24 };
  const required = { required: true, message: t('common.required') };
  /** The grant's required field `k`, labelled by the translation `label`. */
  const field = (k: string, label: string, control: ReactNode) => (
    <Form.Item name={name(k)} label={t(label)} rules={[required]} style={itemStyle}>
      {control}
    </Form.Item>
  );

  return (
    <Row gutter={8} style={{ flex: 1, minWidth: 0 }}>
      <Col {...span}>
        {field(
          'role',
          'users.role',
          <Select
            data-testid="grant-role"
            options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
            onChange={(r: Role) => form.setFieldValue(full('scopeType'), defaultScopeFor(r))}
          />,
        )}
      </Col>
      <Col {...span}>
        {field(
          'scopeType',
          'users.scopeType',
          <Select
            data-testid="grant-scope"
            options={scopeTypes.map((s) => ({ value: s, label: t(`scope.types.${s}`) }))}
          />,
        )}
      </Col>
      <Col {...span}>
        <Form.Item noStyle dependencies={[full('scopeType')]}>
          {() => {
            const scope = form.getFieldValue(full('scopeType'));
            if (scope === 'org')
              return field('orgNodeId', 'users.orgNode', <OrgNodeSelect data-testid="grant-org" />);
            if (scope === 'system')
              return field(
                'systemId',
                'users.system',
                <Select options={systemOptions(systems.data ?? [])} loading={systems.isLoading} />,
              );
            if (scope === 'indicators' || scope === 'objects')
              return (
                <Form.Item
                  name={name('refs')}
                  label={t('users.refs')}
                  tooltip={t('users.refsHint')}
                  rules={[{ ...required, type: 'array', min: 1 }]}
                  style={itemStyle}
                >
                  <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
                </Form.Item>
              );
            return null;
          }}
        </Form.Item>
      </Col>
    </Row>
  );
}
