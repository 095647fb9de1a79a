import type { ImportRowError } from '@jixiao/contracts';
import { Alert, Card, Empty, Select, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { formatError, useFeedback } from '../../shared/feedback.js';
import { PickerPage } from '../../shared/PickerPage.js';
import { QueryState } from '../../shared/QueryState.js';
import { RejectedRowsModal } from '../../shared/RejectedRowsModal.js';
import { importErrors } from '../org/ImportControls.js';
import {
  createSubmission,
  type SubmissionSlot,
  subKeys,
  updateSubmission,
  uploadValues,
  usePeriods,
  useSlots,
} from './api.js';
import { FormToolbar } from './FormToolbar.js';
import {
  defaultPeriod,
  formRows,
  initialDraft,
  type RowDraft,
  rowState,
  slotKey,
  stateFor,
} from './model.js';
import { PlanSelect, usePlanPeriodParams } from './PlanSelect.js';
import { type ReasonAsk, ReasonModal } from './ReasonModal.js';
import { SlotTable } from './SlotTable.js';
import { type DrawerTab, SubmissionDrawer } from './SubmissionDrawer.js';
import { TodoStrip } from './TodoStrip.js';
import { usePeriodTodos } from './usePeriodTodos.js';

export default function SubmissionsPage() {
  const { t, message, showError, queryClient } = useFeedback();
  const { plans, usable, planId, period: periodParam, setPlan, setPeriod } = usePlanPeriodParams();
  const periods = usePeriods(planId);
  const { todos, ready: todosReady } = usePeriodTodos(planId, periods.data, periods.isSuccess);
  const period = periodParam ?? (todosReady ? defaultPeriod(periods.data ?? [], todos) : undefined);
  const slots = useSlots(planId, period);
  // Pin the default into the URL so the form stays on it when its to-dos are done.
  useEffect(() => {
    if (!periodParam && period) setPeriod(period);
  }, [periodParam, period, setPeriod]);

  const [drafts, setDrafts] = useState<Record<string, RowDraft>>({});
  const [busy, setBusy] = useState<Record<string, boolean>>({});
  const [unitFilter, setUnitFilter] = useState<number | undefined>(undefined);
  const [drawer, setDrawer] = useState<{ id: number; tab: DrawerTab; canUpload: boolean } | null>(null);
  const [reasonAsk, setReasonAsk] = useState<ReasonAsk | null>(null);
  const [rejected, setRejected] = useState<ImportRowError[] | null>(null);
  const [uploading, setUploading] = useState(false);

  const items = slots.data?.items ?? [];
  // A link from a trace (`?submission=ID`) opens that value's history once its form has loaded.
  const [searchParams] = useSearchParams();
  const linked = Number(searchParams.get('submission')) || null;
  const [linkOpened, setLinkOpened] = useState(false);
  useEffect(() => {
    if (!linked || linkOpened || !slots.data) return;
    const slot = slots.data.items.find((s) => s.submission?.id === linked);
    if (slot) setDrawer({ id: linked, tab: 'history', canUpload: slot.canWrite });
    setLinkOpened(true);
  }, [linked, linkOpened, slots.data]);
  const serverState = slots.data?.periodState ?? null;
  const win = periods.data?.find((w) => w.period === period);
  const now = Date.now();
  /** The period's state for a row's unit (a closed period may be reopened for one unit). */
  const stateOf = (s: Pick<SubmissionSlot, 'unitId'>) => (win ? stateFor(win, s.unitId, now) : serverState);
  const units = useMemo(() => {
    const m = new Map<number, string>();
    for (const s of items) m.set(s.unitId, `${s.unitCode} ${s.unitName}`);
    return [...m.entries()];
  }, [items]);
  const multiUnit = units.length > 1;
  const periodState = !multiUnit && items[0] ? stateOf(items[0]) : serverState;
  const pickerUnit = !multiUnit ? items[0]?.unitId : undefined;
  const shown = unitFilter ? items.filter((s) => s.unitId === unitFilter) : items;
  const draftOf = (s: SubmissionSlot) => drafts[slotKey(s)] ?? initialDraft(s);
  const setDraft = (s: SubmissionSlot, patch: Partial<RowDraft>) =>
    setDrafts((d) => ({ ...d, [slotKey(s)]: { ...(d[slotKey(s)] ?? initialDraft(s)), ...patch } }));
  const clearDraft = (s: SubmissionSlot) =>
    setDrafts((d) => {
      const { [slotKey(s)]: _, ...rest } = d;
      return rest;
    });

  const reload = () => queryClient.invalidateQueries({ queryKey: subKeys.all });

  /** Saves one row; false when it failed (the message is shown here). */
  async function saveOne(s: SubmissionSlot, submit: boolean, why?: string): Promise<boolean> {
    if (!planId || !period) return false;
    const d = draftOf(s);
    if (d.value === null) {
      message.error(t('submissions.valueRequired', { indicator: `${s.indicator} ${s.indicatorName}` }));
      return false;
    }
    const body = {
      value: d.value,
      measureUnit: d.measureUnit?.trim() || null,
      note: d.note.trim() || null,
      submit,
    };
    const k = slotKey(s);
    setBusy((b) => ({ ...b, [k]: true }));
    try {
      if (s.submission)
        await updateSubmission(s.submission.id, {
          ...body,
          version: s.submission.version,
          ...(why ? { reason: why } : {}),
        });
      else await createSubmission({ ...body, planId, unitId: s.unitId, indicator: s.indicator, period });
      clearDraft(s);
      return true;
    } catch (e) {
      if (isApiError(e) && (e.code === 'VERSION_CONFLICT' || e.status === 409)) {
        message.error({
          content: `${formatError(t, e)} ${t('submissions.conflictReloaded', { indicator: s.indicator })}`,
          duration: 6,
        });
        clearDraft(s);
      } else showError(e);
      return false;
    } finally {
      setBusy((b) => ({ ...b, [k]: false }));
    }
  }

  async function save(list: SubmissionSlot[], submit: boolean, why?: string) {
    let ok = 0;
    for (const s of list) if (await saveOne(s, submit, why)) ok++;
    await reload();
    if (ok)
      message.success(
        list.length === 1
          ? t(submit ? 'submissions.submitted' : 'submissions.saved')
          : t(submit ? 'submissions.submittedN' : 'submissions.savedN', { n: ok }),
      );
  }

  /** Save or submit rows, asking for a reason first when one of them corrects a verified value. */
  function request(list: SubmissionSlot[], submit: boolean) {
    if (list.some((s) => rowState(s, stateOf(s)).needsReason)) setReasonAsk({ slots: list, submit });
    else void save(list, submit);
  }

  const { saveAll, submittable: submittableRows } = formRows(shown, stateOf, draftOf);

  async function uploadXlsx(file: File) {
    if (!planId || !period) return;
    setUploading(true);
    try {
      const r = await uploadValues(planId, period, file);
      message.success(t('submissions.bulk.done', { created: r.created, updated: r.updated }));
      setDrafts({});
      await reload();
    } catch (e) {
      if (isApiError(e) && e.code === 'IMPORT_REJECTED') {
        const rows = importErrors(e.details);
        setRejected(rows.length ? rows : [{ line: 0, message: e.message }]);
      } else showError(e);
    } finally {
      setUploading(false);
    }
  }

  if (!plans.data) return <QueryState query={plans} testId="sub-plans" />;
  if (!usable.length) return <Empty description={t('submissions.noPlans')} />;

  const windowOptions = [...(periods.data ?? [])]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((w) => ({
      value: w.period,
      label: `${w.period} · ${t(`submissions.periodState.${pickerUnit ? stateFor(w, pickerUnit, now) : w.state}`)}`,
    }));

  return (
    <PickerPage
      pickers={
        <>
          <PlanSelect plans={usable} value={planId} onChange={setPlan} testId="sub-plan" />
          <Select
            data-testid="sub-period"
            style={{ width: 200 }}
            value={period}
            loading={periods.isPending || !todosReady}
            onChange={(v: string) => {
              setDrafts({});
              setPeriod(v);
            }}
            options={windowOptions}
            placeholder={t('submissions.pickPeriod')}
          />
          {multiUnit && (
            <Select
              data-testid="sub-unit"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
              placeholder={t('submissions.allUnits')}
              value={unitFilter}
              onChange={(v) => setUnitFilter(v)}
              options={units.map(([id, label]) => ({ value: id, label }))}
            />
          )}
          {periodState && (
            <Tag
              data-testid="sub-period-state"
              color={periodState === 'late' ? 'orange' : periodState === 'closed' ? 'default' : 'blue'}
            >
              {t(`submissions.periodState.${periodState}`)}
            </Tag>
          )}
        </>
      }
    >
      {todosReady && <TodoStrip todos={todos} onPick={(p) => setPeriod(p)} />}
      <Card
        size="small"
        title={period ? t('submissions.formTitle', { period }) : t('submissions.title')}
        extra={
          planId &&
          period && (
            <FormToolbar
              planId={planId}
              period={period}
              locked={periodState === 'closed' || periodState === 'not_open'}
              uploading={uploading}
              onUpload={(file) => void uploadXlsx(file)}
              saveAll={saveAll.length}
              submittable={submittableRows.length}
              onSaveAll={() => void save(saveAll, false)}
              onSubmitAll={() => request(submittableRows, true)}
            />
          )
        }
      >
        {periodState === 'closed' && (
          <Alert type="warning" showIcon title={t('submissions.closedHint')} style={{ marginBottom: 8 }} />
        )}
        <QueryState query={slots} also={[periods]} inline testId="sub-slots">
          <SlotTable
            rows={shown}
            multiUnit={multiUnit}
            loading={slots.isFetching}
            stateOf={stateOf}
            draftOf={draftOf}
            setDraft={setDraft}
            busy={busy}
            onSave={request}
            onOpen={(id, tab, canUpload) => setDrawer({ id, tab, canUpload })}
          />
        </QueryState>
      </Card>
      <SubmissionDrawer
        submissionId={drawer?.id}
        tab={drawer?.tab ?? 'evidence'}
        canUpload={!!drawer?.canUpload}
        onClose={() => setDrawer(null)}
      />
      <ReasonModal
        ask={reasonAsk}
        onCancel={() => setReasonAsk(null)}
        onOk={(ask, reason) => {
          setReasonAsk(null);
          void save(ask.slots, ask.submit, reason);
        }}
      />
      <RejectedRowsModal
        rows={rejected}
        onClose={() => setRejected(null)}
        title={t('submissions.bulk.rejectedTitle')}
        summary={t('submissions.bulk.nothingImported', { n: rejected?.length ?? 0 })}
        labels={{
          line: t('submissions.bulk.line'),
          field: t('submissions.bulk.field'),
          message: t('submissions.bulk.message'),
        }}
        testId="sub-import-errors"
      />
    </PickerPage>
  );
}
