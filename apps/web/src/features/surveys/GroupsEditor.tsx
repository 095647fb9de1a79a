import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { raterChannel, raterGroupKind } from '@jixiao/contracts';
import { Button, Card, Col, Form, type FormInstance, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { RequiredItem } from '../../shared/RequiredItem.js';
import { newGroup, type unitsBySystemGroup } from './campaign-form.js';

type UnitGroups = ReturnType<typeof unitsBySystemGroup>;
type Option = { value: string | number; label: string };

/** The units picker of one rater group, with "all units of org group X" shortcuts and a clear. */
function UnitsField({
  form,
  name,
  index,
  unitGroups,
}: {
  form: FormInstance;
  name: number;
  index: number;
  unitGroups: UnitGroups;
}) {
  const { t } = useTranslation();
  const path = ['groups', name, 'unitIds'];
  const add = (ids: number[]) => {
    const had: number[] = form.getFieldValue(path) ?? [];
    form.setFieldValue(path, [...had, ...ids.filter((id) => !had.includes(id))]);
  };
  return (
    <>
      <RequiredItem name={[name, 'unitIds']} label={t('campaignForm.units')}>
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

/**
 * The rater groups of a campaign (S12) inside its form: code, name, kind, weight, minimum sample,
 * own indicator or none, questionnaire, and the units the group rates.
 */
export function GroupsEditor({
  form,
  indicators,
  questionnaires,
  unitGroups,
}: {
  form: FormInstance;
  indicators: Option[];
  questionnaires: Option[];
  unitGroups: UnitGroups;
}) {
  const { t } = useTranslation();
  const kinds = raterGroupKind.options.map((k) => ({ value: k, label: t(`surveys.groupKind.${k}`) }));
  const channels = raterChannel.options.map((c) => ({ value: c, label: t(`surveys.channels.${c}`) }));
  return (
    <Form.List name="groups">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map(({ key, name }, i) => (
            <Card
              key={key}
              size="small"
              title={`${t('campaignForm.groups')} ${i + 1}`}
              data-testid={`group-${i}`}
              extra={
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(name)}
                  aria-label={t('campaignForm.removeGroup')}
                />
              }
            >
              <Row gutter={12}>
                <Col xs={12} md={4}>
                  <RequiredItem name={[name, 'code']} label={t('campaignForm.code')} text>
                    <Input data-testid={`group-${i}-code`} />
                  </RequiredItem>
                </Col>
                <Col xs={12} md={8}>
                  <RequiredItem name={[name, 'name']} label={t('campaignForm.groupName')} text>
                    <Input data-testid={`group-${i}-name`} />
                  </RequiredItem>
                </Col>
                <Col xs={12} md={6}>
                  <RequiredItem name={[name, 'kind']} label={t('campaignForm.groupKind')}>
                    <Select options={kinds} data-testid={`group-${i}-kind`} />
                  </RequiredItem>
                </Col>
                <Col xs={12} md={6}>
                  <RequiredItem name={[name, 'channel']} label={t('surveys.channel')}>
                    <Select options={channels} data-testid={`group-${i}-channel`} />
                  </RequiredItem>
                </Col>
                <Col xs={6} md={3}>
                  <RequiredItem name={[name, 'weight']} label={t('campaignForm.weight')}>
                    <InputNumber min={0.01} max={1000} style={{ width: '100%' }} />
                  </RequiredItem>
                </Col>
                <Col xs={6} md={3}>
                  <RequiredItem name={[name, 'minSample']} label={t('campaignForm.minSample')}>
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                  </RequiredItem>
                </Col>
                <Col xs={24} md={9}>
                  <Form.Item name={[name, 'indicator']} label={t('campaignForm.ownIndicator')}>
                    <Select
                      allowClear
                      placeholder={t('campaignForm.ownNone')}
                      options={indicators}
                      data-testid={`group-${i}-indicator`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={9}>
                  <RequiredItem name={[name, 'questionnaireId']} label={t('campaignForm.questionnaire')}>
                    <Select options={questionnaires} data-testid={`group-${i}-questionnaire`} />
                  </RequiredItem>
                </Col>
              </Row>
              <UnitsField form={form} name={name} index={i} unitGroups={unitGroups} />
            </Card>
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
