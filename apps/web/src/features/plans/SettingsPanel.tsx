import { PlusOutlined } from '@ant-design/icons';
import type { Plan, RoundingStage, VetoEffect } from '@jixiao/engine';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeInput, IssueText, ListActions, PctInput } from './FormBits.js';
import { issuesAt, listAdd, listRemove, nextCode, type Path, setIn } from './forms.js';
import type { RowIssue } from './tree.js';

export interface PanelProps {
  doc: Plan;
  change: (p: Plan) => void;
  issues: readonly RowIssue[];
}

/** A form row whose validation messages are the engine's issues at `path`. */
export function Field({
  label,
  issues,
  path,
  children,
  help,
}: {
  label: ReactNode;
  issues: readonly RowIssue[];
  path?: string;
  children: ReactNode;
  help?: ReactNode;
}) {
  const here = path ? issuesAt(issues, path) : [];
  return (
    <Form.Item
      label={label}
      validateStatus={here.length ? 'error' : undefined}
      help={here.length ? <IssueText issues={here} /> : help}
      style={{ marginBottom: 12 }}
    >
      {children}
    </Form.Item>
  );
}

const ROUNDING_STAGES: RoundingStage[] = ['indicator', 'node', 'component', 'total', 'product'];
const VETO_EFFECTS: VetoEffect[] = ['no_advanced_title', 'exclude_awards', 'downgrade_last'];

/** Plan settings: basics, period, rounding, bonus, deductions, veto, half-year, constraints. */
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
                <Select
                  allowClear
                  style={{ width: 180 }}
                  value={doc.divisionByZero}
                  placeholder={t('planForms.settings.dz.zero')}
                  onChange={(v) => set(['divisionByZero'], v)}
                  options={(['zero', 'full', 'missing'] as const).map((d) => ({
                    value: d,
                    label: t(`planForms.settings.dz.${d}`),
                  }))}
                />
              </Field>
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={s('period')} style={{ marginBottom: 16 }}>
            <Space wrap size={16} align="start">
              <Field label={s('granularity')} issues={issues} path="period.granularity">
                <Select
                  data-testid="plan-granularity"
                  style={{ width: 140 }}
                  value={doc.period?.granularity}
                  onChange={(v) => set(['period', 'granularity'], v)}
                  options={(['month', 'quarter', 'half', 'year'] as const).map((g) => ({
                    value: g,
                    label: t(`planForms.settings.granularities.${g}`),
                  }))}
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
              <Field label={s('from')} issues={issues} path="period.from" help={s('periodHint')}>
                <Input
                  style={{ width: 150 }}
                  value={doc.period?.from}
                  placeholder="2027-M01"
                  onChange={(e) => set(['period', 'from'], e.target.value.trim())}
                />
              </Field>
              <Field label={s('to')} issues={issues} path="period.to">
                <Input
                  style={{ width: 150 }}
                  value={doc.period?.to}
                  placeholder="2027-M06"
                  onChange={(e) => set(['period', 'to'], e.target.value.trim())}
                />
              </Field>
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
                <Select
                  style={{ width: 180 }}
                  allowClear
                  placeholder={t('planForms.settings.roundingModes.half_up')}
                  value={rounding.mode}
                  onChange={(v) => set(['rounding', 'mode'], v)}
                  options={(['half_up', 'half_even', 'down'] as const).map((m) => ({
                    value: m,
                    label: t(`planForms.settings.roundingModes.${m}`),
                  }))}
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

function BonusCard({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const set = (path: Path, v: unknown) => change(setIn(doc, path, v));
  const sources = doc.bonus?.sources ?? [];
  return (
    <Card size="small" title={`${t('planForms.bonus.title')} / ${t('planForms.deductions.title')}`}>
      <Space wrap size={16} align="start">
        <Field label={t('planForms.bonus.enabled')} issues={[]}>
          <Switch
            data-testid="bonus-enabled"
            checked={!!doc.bonus}
            onChange={(on) => set(['bonus'], on ? { cap: 8, sources: [] } : undefined)}
          />
        </Field>
        {doc.bonus && (
          <Field label={t('planForms.bonus.cap')} issues={issues} path="bonus.cap">
            <InputNumber
              data-testid="bonus-cap"
              min={0}
              value={doc.bonus.cap}
              onChange={(v) => set(['bonus', 'cap'], v ?? 0)}
            />
          </Field>
        )}
        <Field label={t('planForms.deductions.enabled')} issues={[]}>
          <Switch
            checked={doc.deductions?.cap !== undefined}
            onChange={(on) => set(['deductions'], on ? { cap: 10 } : {})}
          />
        </Field>
        {doc.deductions?.cap !== undefined && (
          <Field label={t('planForms.deductions.cap')} issues={issues} path="deductions.cap">
            <InputNumber
              min={0}
              value={doc.deductions.cap}
              onChange={(v) => set(['deductions', 'cap'], v ?? 0)}
            />
          </Field>
        )}
        <Field label={t('planForms.settings.halfYear')} issues={[]}>
          <Switch
            checked={!!doc.halfYear}
            onChange={(on) => set(['halfYear'], on ? { weight: 0.5 } : undefined)}
          />
        </Field>
        {doc.halfYear && (
          <Field label={t('planForms.settings.halfYearWeight')} issues={issues} path="halfYear.weight">
            <InputNumber
              min={0}
              max={1}
              step={0.1}
              value={doc.halfYear.weight}
              onChange={(v) => set(['halfYear', 'weight'], v ?? 0)}
            />
          </Field>
        )}
      </Space>
      {doc.bonus && (
        <>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {t('planForms.bonus.sources')}
          </Typography.Text>
          <IssueText issues={issuesAt(issues, 'bonus.sources')} />
          <Table
            data-testid="bonus-sources"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowKey={(_, i) => String(i)}
            dataSource={sources}
            columns={[
              {
                title: t('planForms.code'),
                render: (_, r, i) => (
                  <CodeInput
                    value={r.code}
                    taken={sources.map((x) => x.code)}
                    onCommit={(v) => set(['bonus', 'sources', i, 'code'], v)}
                  />
                ),
              },
              {
                title: t('planForms.name'),
                render: (_, r, i) => (
                  <Input
                    value={r.name}
                    onChange={(e) => set(['bonus', 'sources', i, 'name'], e.target.value)}
                  />
                ),
              },
              {
                title: t('planForms.bonus.sourceCap'),
                render: (_, r, i) => (
                  <InputNumber
                    min={0}
                    style={{ width: 90 }}
                    value={r.cap}
                    onChange={(v) => set(['bonus', 'sources', i, 'cap'], v ?? undefined)}
                  />
                ),
              },
              {
                title: t('planForms.bonus.outside'),
                render: (_, r, i) => (
                  <Switch
                    size="small"
                    checked={!!r.outsideSharedCap}
                    onChange={(v) => set(['bonus', 'sources', i, 'outsideSharedCap'], v || undefined)}
                  />
                ),
              },
              {
                key: 'a',
                width: 40,
                render: (_, _r, i) => (
                  <ListActions
                    index={i}
                    length={sources.length}
                    onRemove={() => change(listRemove(doc, ['bonus', 'sources'], i))}
                  />
                ),
              },
            ]}
          />
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            onClick={() =>
              change(
                listAdd(doc, ['bonus', 'sources'], {
                  code: nextCode(
                    sources.map((x) => x.code),
                    'bonus',
                  ),
                  name: t('planForms.bonus.title'),
                }),
              )
            }
          >
            {t('planForms.bonus.add')}
          </Button>
        </>
      )}
    </Card>
  );
}

function VetoCard({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const set = (path: Path, v: unknown) => change(setIn(doc, path, v));
  return (
    <Card size="small" title={t('planForms.veto.title')} style={{ height: '100%' }}>
      <Field label={t('planForms.veto.enabled')} issues={[]}>
        <Switch
          data-testid="veto-enabled"
          checked={!!doc.veto}
          onChange={(on) => set(['veto'], on ? { effects: [], freedQuota: 'next_unit' } : undefined)}
        />
      </Field>
      {doc.veto && (
        <>
          <Field label={t('planForms.veto.effects')} issues={issues} path="veto.effects">
            <Checkbox.Group
              data-testid="veto-effects"
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              value={doc.veto.effects}
              onChange={(v) =>
                set(
                  ['veto', 'effects'],
                  VETO_EFFECTS.filter((e) => (v as string[]).includes(e)),
                )
              }
              options={VETO_EFFECTS.map((e) => ({ value: e, label: t(`planForms.veto.effectNames.${e}`) }))}
            />
          </Field>
          <Field label={t('planForms.veto.freedQuota')} issues={issues} path="veto.freedQuota">
            <Radio.Group
              value={doc.veto.freedQuota}
              onChange={(e) => set(['veto', 'freedQuota'], e.target.value)}
              options={(['next_unit', 'lapse'] as const).map((f) => ({
                value: f,
                label: t(`planForms.veto.freed.${f}`),
              }))}
            />
          </Field>
        </>
      )}
    </Card>
  );
}

function ConstraintsCard({ doc, change, issues }: PanelProps) {
  const { t } = useTranslation();
  const set = (path: Path, v: unknown) => change(setIn(doc, path, v));
  const list = doc.constraints ?? [];
  const c = (k: string) => t(`planForms.constraints.${k}`);
  const tagOptions = [...new Set((doc.indicators ?? []).flatMap((i) => i.tags ?? []))].map((x) => ({
    value: x,
    label: x,
  }));
  const arrOrUndef = (v: string[]) => (v.length ? v : undefined);
  return (
    <Card size="small" title={c('title')}>
      <Table
        data-testid="plan-constraints"
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={list}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: c('label'),
            render: (_, r, i) => (
              <>
                <Input
                  style={{ minWidth: 200 }}
                  value={r.label}
                  onChange={(e) => set(['constraints', i, 'label'], e.target.value)}
                />
                <IssueText issues={issuesAt(issues, `constraints[${i}]`)} />
              </>
            ),
          },
          {
            title: c('kind'),
            render: (_, r, i) => (
              <Select
                style={{ width: 130 }}
                value={r.kind}
                onChange={(v) => set(['constraints', i, 'kind'], v)}
                options={(['min_share', 'max_share'] as const).map((k) => ({
                  value: k,
                  label: t(`planForms.constraints.kinds.${k}`),
                }))}
              />
            ),
          },
          {
            title: c('share'),
            render: (_, r, i) => (
              <PctInput value={r.share} onChange={(v) => set(['constraints', i, 'share'], v ?? 0)} />
            ),
          },
          {
            title: c('components'),
            render: (_, r, i) => (
              <Select
                mode="multiple"
                style={{ minWidth: 150 }}
                value={r.components ?? []}
                onChange={(v: string[]) => set(['constraints', i, 'components'], arrOrUndef(v))}
                options={doc.components.map((x) => ({ value: x.code, label: `${x.code} · ${x.name}` }))}
              />
            ),
          },
          {
            title: c('tags'),
            render: (_, r, i) => (
              <Select
                mode="tags"
                style={{ minWidth: 140 }}
                value={r.tags ?? []}
                onChange={(v: string[]) => set(['constraints', i, 'tags'], arrOrUndef(v))}
                options={tagOptions}
              />
            ),
          },
          {
            title: c('indicators'),
            render: (_, r, i) => (
              <Select
                mode="multiple"
                style={{ minWidth: 150 }}
                value={r.indicators ?? []}
                onChange={(v: string[]) => set(['constraints', i, 'indicators'], arrOrUndef(v))}
                options={doc.indicators.map((x) => ({ value: x.code, label: `${x.code} · ${x.name}` }))}
                optionFilterProp="label"
              />
            ),
          },
          {
            key: 'a',
            width: 40,
            render: (_, _r, i) => (
              <ListActions
                index={i}
                length={list.length}
                onRemove={() => change(listRemove(doc, ['constraints'], i))}
              />
            ),
          },
        ]}
      />
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        data-testid="constraint-add"
        onClick={() =>
          change(
            listAdd(doc, ['constraints'], {
              kind: 'min_share',
              share: 0.3,
              components: [],
              label: c('title'),
            }),
          )
        }
      >
        {c('add')}
      </Button>
    </Card>
  );
}
