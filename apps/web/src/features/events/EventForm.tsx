import type { CycleEvent, EventKind } from '@jixiao/contracts';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Drawer,
  Form,
  Grid,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
  type UploadFile,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../shared/auth.js';
import { formatError } from '../../shared/feedback.js';
import { ReasonInput } from '../../shared/ReasonInput.js';
import { EvidencePicker, useEvidenceErrors } from '../submissions/EvidenceUpload.js';
import { createEvent, uploadEventEvidence } from './api.js';
import { eventErrorText } from './errorText.js';
import {
  type BonusRules,
  bonusRoom,
  type DraftProblem,
  draftBody,
  draftProblems,
  EVENT_KINDS,
  type EventDraft,
  type IndicatorOption,
  refusalText,
  VETO_CODES,
} from './model.js';
import type { UnitOption } from './units.js';

/** The record form (drawer): kind, period, unit, source / event / indicator, points, reason, evidence. */
export function EventForm({
  open,
  planId,
  initial,
  prefilled,
  periods,
  units,
  rules,
  indicators,
  events,
  onClose,
  onSaved,
}: {
  open: boolean;
  planId: number;
  initial: EventDraft;
  prefilled: boolean;
  periods: string[];
  units: UnitOption[];
  rules: BonusRules;
  indicators: IndicatorOption[];
  /** The plan's bonuses, for the room left under the cap. */
  events: readonly CycleEvent[];
  onClose: () => void;
  onSaved: (e: CycleEvent) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refused = useEvidenceErrors();
  const me = useCurrentUser();
  const narrow = Grid.useBreakpoint().md === false;
  const [d, setD] = useState<EventDraft>(initial);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setD(initial);
      setFiles([]);
      setTouched(false);
      setError(null);
    }
  }, [open, initial]);

  const problems = draftProblems(d, { sources: rules.sources, indicators });
  const show = (p: DraftProblem) => touched && problems.includes(p);
  const set = (patch: Partial<EventDraft>) => setD((x) => ({ ...x, ...patch }));
  const room = d.kind === 'bonus' && d.unitId ? bonusRoom(events, rules, d.unitId, d.code) : null;
  const unitOptions = useMemo(
    () => units.map((u) => ({ value: u.id, label: `${u.code} ${u.name}` })),
    [units],
  );
  const vetoOptions = VETO_CODES.map((c) => ({ value: c, label: `${t(`events.veto.${c}`)}（${c}）` }));

  async function submit() {
    setTouched(true);
    if (problems.length) return;
    setSaving(true);
    setError(null);
    try {
      const ev = await createEvent(draftBody(d, planId));
      for (const f of files) {
        if (!f.originFileObj) continue;
        try {
          await uploadEventEvidence(ev.id, f.originFileObj);
        } catch (e) {
          refused(f, e);
        }
      }
      message.success(t('events.recorded', { unit: ev.unitName, kind: t(`events.kind.${ev.kind}`) }));
      onSaved(ev);
    } catch (e) {
      setError(
        eventErrorText(
          e,
          (x) => formatError(t, x),
          (details) => {
            const r = refusalText(details, me.grants);
            return r ? t(r.key, r.params ?? {}) : null;
          },
        ),
      );
    } finally {
      setSaving(false);
    }
  }

  /** A form item's problem `p`, once shown: its text under the field and the field in red. */
  const problem = (p: DraftProblem) =>
    show(p) ? { help: t(`events.problem.${p}`), validateStatus: 'error' as const } : {};

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('events.recordTitle')}
      size={narrow ? '100%' : 520}
      destroyOnHidden
      data-testid="ev-drawer"
      extra={
        <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="ev-submit">
          {t('events.form.submit')}
        </Button>
      }
    >
      {prefilled && (
        <Alert type="info" showIcon title={t('events.form.prefilled')} style={{ marginBottom: 12 }} />
      )}
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="ev-error" />
      )}
      <Form layout="vertical" component="div">
        <Form.Item label={t('events.form.kind')}>
          <Radio.Group
            data-testid="ev-kind"
            optionType="button"
            value={d.kind}
            onChange={(e) => set({ kind: e.target.value as EventKind, code: undefined })}
            options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('events.form.period')} extra={t('events.form.periodHint')} {...problem('period')}>
          <Select
            data-testid="ev-period"
            value={d.period}
            onChange={(v: string) => set({ period: v })}
            options={periods.map((p) => ({ value: p, label: p }))}
          />
        </Form.Item>
        <Form.Item label={t('events.form.unit')} {...problem('unit')}>
          <Select
            data-testid="ev-unit"
            showSearch={{ optionFilterProp: 'label' }}
            value={d.unitId}
            placeholder={t('events.form.unitPlaceholder')}
            onChange={(v: number) => set({ unitId: v })}
            options={unitOptions}
          />
        </Form.Item>
        {d.kind === 'bonus' && (
          <Form.Item label={t('events.form.source')} {...problem('source')}>
            {rules.sources.length ? (
              <Select
                data-testid="ev-source"
                value={d.code}
                placeholder={t('events.form.sourcePlaceholder')}
                onChange={(v: string) => set({ code: v })}
                options={rules.sources.map((s) => ({ value: s.code, label: s.name }))}
              />
            ) : (
              <Alert type="warning" showIcon title={t('events.form.noSources')} />
            )}
          </Form.Item>
        )}
        {d.kind === 'veto' && (
          <Form.Item
            label={t('events.form.code')}
            {...problem('code')}
            extra={
              d.code && (VETO_CODES as readonly string[]).includes(d.code)
                ? t(`events.veto.${d.code}`)
                : undefined
            }
          >
            <AutoComplete
              data-testid="ev-code"
              value={d.code}
              options={vetoOptions}
              placeholder={t('events.form.codePlaceholder')}
              onChange={(v: string) => set({ code: v })}
              filterOption={(input, o) =>
                String(o?.label ?? '')
                  .toLowerCase()
                  .includes(input.toLowerCase())
              }
            />
          </Form.Item>
        )}
        {d.kind === 'deduction' && (
          <Form.Item label={t('events.form.indicator')} {...problem('indicator')}>
            <Select
              data-testid="ev-indicator"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={d.indicator || undefined}
              placeholder={t('events.form.indicatorPlaceholder')}
              onChange={(v: string | undefined) => set({ indicator: v })}
              options={indicators.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))}
            />
          </Form.Item>
        )}
        {d.kind !== 'veto' && (
          <Form.Item
            label={d.kind === 'bonus' ? t('events.form.pointsBonus') : t('events.form.pointsDeduction')}
            {...problem('points')}
            extra={
              room === null
                ? undefined
                : room > 0
                  ? t('events.form.room', { room, cap: rules.cap ?? '—' })
                  : t('events.form.roomNone', { cap: rules.cap ?? '—' })
            }
          >
            <InputNumber
              data-testid="ev-points"
              style={{ width: 180 }}
              min={0}
              max={1000}
              step={0.5}
              value={d.points ?? null}
              onChange={(v) => set({ points: typeof v === 'number' ? v : null })}
            />
          </Form.Item>
        )}
        <Form.Item label={t('events.form.reason')} {...problem('reason')}>
          <ReasonInput
            testId="ev-reason"
            rows={4}
            max={2000}
            value={d.reason}
            placeholder={t('events.form.reasonPlaceholder')}
            onChange={(reason) => set({ reason })}
          />
        </Form.Item>
        <Form.Item label={t('events.form.evidence')} extra={t('events.form.evidenceHint')}>
          <EvidencePicker files={files} onChange={setFiles} testId="ev-files" />
        </Form.Item>
        <Space orientation="vertical">
          {d.kind === 'bonus' && (
            <Typography.Text type="secondary">{t('events.form.bonusPendingHint')}</Typography.Text>
          )}
          {d.kind === 'veto' && (
            <Typography.Text type="secondary">{t('events.form.vetoHint')}</Typography.Text>
          )}
        </Space>
      </Form>
    </Drawer>
  );
}
