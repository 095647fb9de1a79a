import { Form, type FormInstance, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategories, useGroups, useSystems } from './api.js';
import { groupOptions, systemOptions } from './options.js';

/**
 * An org node's evaluation system and group: the groups offered are the chosen system's, and
 * choosing another system clears the group.
 */
export function SystemGroupFields({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const systems = useSystems();
  const categories = useCategories();
  const groups = useGroups();
  const systemId = Form.useWatch<number | null | undefined>('systemId', form);
  return (
    <>
      <Form.Item name="systemId" label={t('org.field.system')}>
        <Select
          allowClear
          loading={systems.isLoading}
          options={systemOptions(systems.data ?? [])}
          onChange={() => form.setFieldValue('groupId', null)}
        />
      </Form.Item>
      <Form.Item name="groupId" label={t('org.field.group')}>
        <Select allowClear options={groupOptions(systemId, categories.data ?? [], groups.data ?? [])} />
      </Form.Item>
    </>
  );
}
