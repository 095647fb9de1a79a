import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { raterChannel, raterGroupKind } from '@jixiao/contracts';
import { Button, Card, Form, type FormInstance, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { GridItem } from '../../shared/GridItem.js';
import { IconButton } from '../../shared/IconButton.js';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { newGroup, type unitsBySystemGroup } from './campaign-form.js';

type UnitGroups = ReturnType<typeof unitsBySystemGroup>;
type Option = { value: string | number; label: string };

/** The units picker of one rater group, with "all units of org group X" shortcuts and a clear. */
function UnitsField({
  form,
  index,
  unitGroups,
}: {
  form: FormInstance;
  index: number;
  unitGroups: UnitGroups;
}) {
  const { t } = useTranslation();
  const path = ['groups', index, 'unitIds'];
  const add = (ids: number[]) => {
    const had: number[] = form.getFieldValue(path) ?? [];
    form.setFieldValue(path, [...had, ...ids.filter((id) => !had.includes(id))]);
  };
  return (
    <>
      <RequiredItem name={[index, 'unitIds']} label={t('campaignForm.units')}>
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          optionFilterProp="label"
          options={unitGroups.map((g) => ({
            label: g.group.name,
            options: g.units.map((u) => ({ value: u.id, label: `${u.code} ${u.name}` })),
          }))}
          data-testid={`group-${index}-units`}
        />
      </RequiredItem>
      <Space wrap size={4} style={{ marginTop: -16, marginBottom: 8 }}>
        {unitGroups.map((g) => (
          <Button
            key={g.group.id}
            size="small"
            onClick={() => add(g.units.map((u) => u.id))}
            data-testid={`group-${index}-all-${g.group.code}`}
          >
            {t('campaignForm.allOf', { group: g.group.name })}
          </Button>
        ))}
        <Button size="small" type="text" onClick={() => form.setFieldValue(path, [])}>
          {t('campaignForm.clearUnits')}
        </Button>
      </Space>
    </>
  );
}

type Choices = { indicators: Option[]; questionnaires: Option[]; unitGroups: UnitGroups };

/** One rater group of the form (`index`: its place in the form's list), with a button to remove it. */
function GroupCard({
  form,
  index: i,
  choices: { indicators, questionnaires, unitGroups },
  onRemove,
}: {
  form: FormInstance;
  index: number;
  choices: Choices;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const kinds = raterGroupKind.options.map((k) => ({ value: k, label: t(`surveys.groupKind.${k}`) }));
  const channels = raterChannel.options.map((c) => ({ value: c, label: t(`surveys.channels.${c}`) }));
  return (
    <Card
      size="small"
      title={`${t('campaignForm.groups')} ${i + 1}`}
      data-testid={`group-${i}`}
      extra={
        <IconButton
          label={t('campaignForm.removeGroup')}
          icon={<DeleteOutlined />}
          danger
          onClick={onRemove}
        />
      }
    >
      <Row gutter={12}>
        <GridItem xs={12} md={4} name={[i, 'code']} label={t('campaignForm.code')} required="text">
          <Input data-testid={`group-${i}-code`} />
        </GridItem>
        <GridItem xs={12} md={8} name={[i, 'name']} label={t('campaignForm.groupName')} required="text">
          <Input data-testid={`group-${i}-name`} />
        </GridItem>
        <GridItem xs={12} md={6} name={[i, 'kind']} label={t('campaignForm.groupKind')} required>
          <Select options={kinds} data-testid={`group-${i}-kind`} />
        </GridItem>
        <GridItem xs={12} md={6} name={[i, 'channel']} label={t('surveys.channel')} required>
          <Select options={channels} data-testid={`group-${i}-channel`} />
        </GridItem>
        <GridItem xs={6} md={3} name={[i, 'weight']} label={t('campaignForm.weight')} required>
          <InputNumber min={0.01} max={1000} style={{ width: '100%' }} />
        </GridItem>
        <GridItem xs={6} md={3} name={[i, 'minSample']} label={t('campaignForm.minSample')} required>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </GridItem>
        <GridItem xs={24} md={9} name={[i, 'indicator']} label={t('campaignForm.ownIndicator')}>
          <Select
            allowClear
            placeholder={t('campaignForm.ownNone')}
            options={indicators}
            data-testid={`group-${i}-indicator`}
          />
        </GridItem>
        <GridItem
          xs={24}
          md={9}
          name={[i, 'questionnaireId']}
          label={t('campaignForm.questionnaire')}
          required
        >
          <Select options={questionnaires} data-testid={`group-${i}-questionnaire`} />
        </GridItem>
      </Row>
      <UnitsField form={form} index={i} unitGroups={unitGroups} />
    </Card>
  );
}

/**
 * The rater groups of a campaign (S12) inside its form: code, name, kind, weight, minimum sample,
 * own indicator or none, questionnaire, and the units the group rates.
 */
export function GroupsEditor({ form, ...choices }: { form: FormInstance } & Choices) {
  const { t } = useTranslation();
  return (
    <Form.List name="groups">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map(({ key, name }) => (
            <GroupCard key={key} form={form} index={name} choices={choices} onRemove={() => remove(name)} />
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add(newGroup(form.getFieldValue('groups') ?? []))}
            data-testid="group-add"
          >
            {t('campaignForm.addGroup')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
