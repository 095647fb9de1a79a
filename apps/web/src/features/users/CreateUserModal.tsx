import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Divider, Form, Input, Space } from 'antd';
import { FormModal } from '../../shared/FormModal.js';
import { useFeedback } from '../../shared/feedback.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { NewPasswordItem } from '../auth/PasswordHint.js';
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
  const { t, message, queryClient } = useFeedback();
  const [form] = Form.useForm<CreateForm>();
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
    <FormModal<CreateForm>
      form={form}
      mutation={create}
      onClose={onClose}
      width={760}
      title={t('users.create')}
      okText={t('common.create')}
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
        <RequiredItem name="displayName" label={t('users.displayName')} text>
          <Input data-testid="user-form-displayName" maxLength={100} />
        </RequiredItem>
      </Space>
      <Form.Item name="orgNodeId" label={t('users.orgNode')}>
        <OrgNodeSelect />
      </Form.Item>
      <NewPasswordItem
        name="password"
        label={t('users.password')}
        tooltip={t('users.passwordHint')}
        testId="user-form-password"
      />
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
    </FormModal>
  );
}
