import type { RoundingStage } from '@jixiao/engine';
import { Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../shared/CodeSelect.js';
import { BonusCard } from './BonusCard.js';
import { ConstraintsCard } from './ConstraintsCard.js';
import { Field, IssueText, type PanelProps } from './FormBits.js';
import { issuesAt, type Path, setIn } from './forms.js';
import { VetoCard } from './VetoCard.js';

const ROUNDING_STAGES: RoundingStage[] = ['indicator', 'node', 'component', 'total', 'product'];

/** What a plan's first and last period look like (the placeholders of the period range). */
const PERIOD_EXAMPLES = { from: '2027-M01', to: '2027-M06' };

/** Plan settings: basics, period and rounding here; bonus, deductions, veto, half-year, constraints in their cards. */
export function SettingsPanel({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const set = (path: Path, v: unknown) => change(setIn(doc, path, v));
  const s = (k: string) => t(`planForms.settings.${k}`);
  const rounding = doc.rounding ?? {};
  return (
    <Form layout="vertical" component="div" data-testid="plan-settings">
      <IssueText issues={issuesAt(issues, '').filter((i) => i.path === '')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={s('basics')}>
            <Row gutter={12}>
              <Col span={16}>
                <Field label={s('name')} issues={issues} path="name">
                  <Input
                    data-testid="plan-name"
                    value={doc.name}
                    onChange={(e) => set(['name'], e.target.value)}
                  />
                </Field>
              </Col>
              <Col span={8}>
                <Field label={s('id')} issues={issues} path="id">
                  <Input value={doc.id} onChange={(e) => set(['id'], e.target.value)} />
                </Field>
              </Col>
              <Col span={12}>
                <Field label={s('system')} issues={issues} path="system">
                  <Input value={doc.system} onChange={(e) => set(['system'], e.target.value)} />
                </Field>
              </Col>
              <Col span={12}>
                <Field label={s('year')} issues={issues} path="year">
                  <InputNumber
                    value={doc.year}
                    style={{ width: '100%' }}
                    onChange={(v) => set(['year'], v ?? undefined)}
                  />
                </Field>
              </Col>
            </Row>
            <Field label={s('description')} issues={issues} path="description">
              <Input.TextArea
                value={doc.description}
                autoSize={{ minRows: 1, maxRows: 4 }}
                onChange={(e) => set(['description'], e.target.value)}
              />
            </Field>
            <Field label={s('scoring')} issues={issues} path="scoring">
              <Radio.Group
                data-testid="plan-scoring"
                value={doc.scoring}
                onChange={(e) => set(['scoring'], e.target.value)}
                options={(['points', 'weighted'] as const).map((m) => ({
                  value: m,
                  label: t(`planForms.settings.scoringModes.${m}`),
                }))}
              />
            </Field>
            <Space wrap size={16}>
              {doc.scoring === 'points' && (
                <Field label={s('totalPoints')} issues={issues} path="totalPoints">
                  <InputNumber
                    value={doc.totalPoints}
                    placeholder="100"
                    min={0}
                    onChange={(v) => set(['totalPoints'], v ?? undefined)}
                  />
                </Field>
              )}
              <Field label={s('divisionByZero')} issues={issues} path="divisionByZero">
                <CodeSelect
                  allowClear
                  style={{ width: 180 }}
                  value={doc.divisionByZero}
                  placeholder={t('planForms.settings.dz.zero')}
                  onChange={(v) => set(['divisionByZero'], v)}
                  codes={['zero', 'full', 'missing']}
                  labels="planForms.settings.dz"
                />
              </Field>
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={s('period')} style={{ marginBottom: 16 }}>
            <Space wrap size={16} align="start">
              <Field label={s('granularity')} issues={issues} path="period.granularity">
                <CodeSelect
                  data-testid="plan-granularity"
                  style={{ width: 140 }}
                  value={doc.period?.granularity}
                  onChange={(v) => set(['period', 'granularity'], v)}
                  codes={['month', 'quarter', 'half', 'year']}
                  labels="planForms.settings.granularities"
                />
              </Field>
              <Field label={s('adHoc')} issues={issues} path="period.adHoc">
                <Switch
                  checked={!!doc.period?.adHoc}
                  onChange={(v) => set(['period', 'adHoc'], v || undefined)}
                />
              </Field>
            </Space>
            <Space wrap size={16}>
              {(['from', 'to'] as const).map((end) => (
                <Field
                  key={end}
                  label={s(end)}
                  issues={issues}
                  path={`period.${end}`}
                  help={end === 'from' ? s('periodHint') : undefined}
                >
                  <Input
                    style={{ width: 150 }}
                    value={doc.period?.[end]}
                    placeholder={PERIOD_EXAMPLES[end]}
                    onChange={(e) => set(['period', end], e.target.value.trim())}
                  />
                </Field>
              ))}
            </Space>
          </Card>
          <Card size="small" title={s('rounding')}>
            <Space wrap size={16}>
              <Field label={s('decimals')} issues={issues} path="rounding.decimals">
                <InputNumber
                  data-testid="rounding-decimals"
                  min={0}
                  max={8}
                  precision={0}
                  placeholder="2"
                  value={rounding.decimals}
                  onChange={(v) => set(['rounding', 'decimals'], v ?? undefined)}
                />
              </Field>
              <Field label={s('roundingMode')} issues={issues} path="rounding.mode">
                <CodeSelect
                  style={{ width: 180 }}
                  allowClear
                  placeholder={t('planForms.settings.roundingModes.half_up')}
                  value={rounding.mode}
                  onChange={(v) => set(['rounding', 'mode'], v)}
                  codes={['half_up', 'half_even', 'down']}
                  labels="planForms.settings.roundingModes"
                />
              </Field>
            </Space>
            <Field label={s('stages')} issues={issues} path="rounding.stages">
              <Checkbox.Group
                value={rounding.stages ?? ['indicator', 'total']}
                onChange={(v) =>
                  set(
                    ['rounding', 'stages'],
                    ROUNDING_STAGES.filter((st) => (v as string[]).includes(st)),
                  )
                }
                options={ROUNDING_STAGES.map((st) => ({
                  value: st,
                  label: t(`planForms.settings.stageNames.${st}`),
                }))}
              />
            </Field>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <BonusCard doc={doc} change={change} issues={issues} />
        </Col>
        <Col xs={24} xl={12}>
          <VetoCard doc={doc} change={change} issues={issues} />
        </Col>
        <Col xs={24}>
          <ConstraintsCard doc={doc} change={change} issues={issues} />
        </Col>
      </Row>
    </Form>
  );
}
