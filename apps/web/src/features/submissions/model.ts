/**
 * Pure helpers of the data-submission page: where a row stands, which period to open, and the
 * to-do strip (periods with missing values, returned values with their reasons). No React, no I/O.
 */
import type { SubmissionSlot } from '@jixiao/contracts';
import { formatPeriod, parsePeriod } from '@jixiao/engine';

export type RowStatus = 'missing' | 'draft' | 'submitted' | 'verified' | 'returned';

export interface RowState {
  status: RowStatus;
  /** Submitted after the due date, or still missing in a period past its due date. */
  late: boolean;
  /** The caller may change the value now (its own, and the period takes data). */
  editable: boolean;
  /** Changing it is a correction of a verified value: a reason is required (G5). */
  needsReason: boolean;
}

/** States of a period in which values may be entered. */
export const ACCEPTING = ['open', 'late', 'reopened'] as const;
export const accepts = (periodState: string | null | undefined) =>
  periodState == null || (ACCEPTING as readonly string[]).includes(periodState);

export function rowState(
  slot: Pick<SubmissionSlot, 'canWrite' | 'submission'>,
  periodState: string | null | undefined,
): RowState {
  const s = slot.submission;
  const status: RowStatus = s ? s.status : 'missing';
  return {
    status,
    late: s ? s.late : periodState === 'late',
    editable: slot.canWrite && accepts(periodState),
    needsReason: status === 'verified',
  };
}

/** antd Tag colour of each status. */
export const STATUS_COLOR: Record<RowStatus, string> = {
  missing: 'default',
  draft: 'gold',
  submitted: 'processing',
  verified: 'success',
  returned: 'error',
};

export interface WindowLike {
  period: string;
  opensAt: string;
  dueAt: string;
  /** State now without any unit's reopening (the server's). */
  state: string;
  reopenings?: readonly { unitId: number; until: string }[];
}

/**
 * Where a period stands for one unit: a closed period reopened for that unit by the office (until
 * a date) takes its data again, as the server's period gate does.
 */
export function stateFor(w: WindowLike, unitId: number, now: number): string {
  if (w.state === 'closed' && w.reopenings?.some((r) => r.unitId === unitId && now <= Date.parse(r.until)))
    return 'reopened';
  return w.state;
}

const GRAIN = { month: 0, quarter: 1, half: 2, year: 3 } as const;
/** 0 month, 1 quarter, 2 half, 3 year (a code the engine cannot read counts as a year). */
export const grain = (period: string) => GRAIN[parsePeriod(period)?.granularity ?? 'year'];

/**
 * The period of the same granularity just before `period` (2026-M10 → 2026-M09, 2026-Q1 → null):
 * the reporting rhythm of an indicator is read from it.
 */
export function previousPeriod(period: string): string | null {
  const p = parsePeriod(period);
  if (!p || p.granularity === 'year' || p.index <= 1) return null;
  return formatPeriod({ ...p, index: p.index - 1 });
}

/** Periods that have started (anything but not yet open), newest first, months before coarser ones. */
export function startedPeriods(windows: readonly WindowLike[]): WindowLike[] {
  return windows
    .filter((w) => w.state !== 'not_open')
    .sort(
      (a, b) =>
        Date.parse(b.opensAt) - Date.parse(a.opensAt) ||
        grain(a.period) - grain(b.period) ||
        a.period.localeCompare(b.period),
    );
}

export interface TodoItem {
  kind: 'missing' | 'returned';
  period: string;
  unitId: number;
  unitName: string;
  indicator: string;
  indicatorName: string;
  /** Return reason (returned items). */
  reason?: string | null;
  /** Missing in a period past its due date. */
  late?: boolean;
}

export interface PeriodTodos {
  period: string;
  state: string;
  missing: TodoItem[];
  returned: TodoItem[];
}

/**
 * The caller's to-dos. A value is **missing** in an open, late or reopened period when the caller
 * may enter it, it has no value yet, and the plan's reporting frequency makes it due in that
 * period (the slot's `due`). For a plan without frequencies the rhythm is read from the data: the
 * same unit reported that indicator in the previous period of the same granularity. A **returned** value is one the caller may correct, in any
 * started period, with the assessor's reason. Periods without to-dos are left out.
 */
export function computeTodos(
  windows: readonly WindowLike[],
  slotsOf: (period: string) => readonly SubmissionSlot[] | undefined,
  now: number,
): PeriodTodos[] {
  const out: PeriodTodos[] = [];
  for (const w of startedPeriods(windows)) {
    const slots = slotsOf(w.period);
    if (!slots) continue;
    const prev = previousPeriod(w.period);
    const reported = new Set(
      (prev ? (slotsOf(prev) ?? []) : [])
        .filter((s) => s.submission && s.submission.value !== null)
        .map((s) => `${s.unitId}|${s.indicator}`),
    );
    const item = (s: SubmissionSlot, kind: TodoItem['kind']): TodoItem => ({
      kind,
      period: w.period,
      unitId: s.unitId,
      unitName: s.unitName,
      indicator: s.indicator,
      indicatorName: s.indicatorName,
      ...(kind === 'returned'
        ? { reason: s.submission?.returnReason ?? null }
        : { late: w.state === 'late' }),
    });
    const missing = slots
      .filter(
        (s) =>
          s.canWrite &&
          !s.submission &&
          accepts(stateFor(w, s.unitId, now)) &&
          (s.due ?? reported.has(`${s.unitId}|${s.indicator}`)),
      )
      .map((s) => item(s, 'missing'));
    const returned = slots
      .filter((s) => s.canWrite && s.submission?.status === 'returned')
      .map((s) => item(s, 'returned'));
    const items = [...missing, ...returned];
    if (items.length) {
      // The state the caller sees: its own unit's (a reopening) when all items are of one state.
      const states = new Set(items.map((i) => stateFor(w, i.unitId, now)));
      const state = states.size === 1 ? [...states][0]! : w.state;
      out.push({ period: w.period, state, missing, returned });
    }
  }
  return out;
}

/**
 * The period the form opens with: the latest overdue (late) or reopened period with a to-do, else
 * the latest open period with a to-do, else the latest open or late month (months before coarser
 * periods that opened the same day), else the latest started period.
 */
export function defaultPeriod(
  windows: readonly WindowLike[],
  todos: readonly PeriodTodos[],
): string | undefined {
  const started = startedPeriods(windows);
  const acceptingNow = started.filter((w) => accepts(w.state));
  const todoState = new Map(todos.map((t) => [t.period, t.state]));
  const urgent = (p: string) => todoState.get(p) === 'late' || todoState.get(p) === 'reopened';
  return (
    started.find((w) => urgent(w.period))?.period ??
    started.find((w) => todoState.get(w.period) === 'open')?.period ??
    acceptingNow.find((w) => grain(w.period) === 0)?.period ??
    acceptingNow[0]?.period ??
    started[0]?.period
  );
}

/** Parses a typed value: a finite number, or null for an empty or non-numeric entry. */
export function parseValue(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  const t = text.trim().replace(/,/g, '');
  if (!t || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export interface RowDraft {
  value: number | null;
  note: string;
  measureUnit: string | null;
}

/** The draft a row starts with: its stored value, note and unit (the plan's unit when none). */
export function initialDraft(slot: Pick<SubmissionSlot, 'submission' | 'measureUnit'>): RowDraft {
  return {
    value: slot.submission?.value ?? null,
    note: slot.submission?.note ?? '',
    measureUnit: slot.submission?.measureUnit ?? slot.measureUnit,
  };
}

/** Whether the row's draft differs from what is stored (so "save all" sends it). */
export function isDirty(slot: Pick<SubmissionSlot, 'submission' | 'measureUnit'>, d: RowDraft): boolean {
  const i = initialDraft(slot);
  return (
    d.value !== i.value || d.note.trim() !== i.note.trim() || (d.measureUnit ?? '') !== (i.measureUnit ?? '')
  );
}

export const slotKey = (s: Pick<SubmissionSlot, 'unitId' | 'indicator'>) => `${s.unitId}|${s.indicator}`;

/** What the form's bulk buttons act on, from each row's period state and draft. */
export interface FormRows {
  /** Rows the caller may change now. */
  editable: SubmissionSlot[];
  /** Changed rows with a value: 全部暂存 saves those not correcting a verified value. */
  saveAll: SubmissionSlot[];
  /** Rows with a value that are changed, a draft or returned: 全部报送 submits them. */
  submittable: SubmissionSlot[];
}

export function formRows(
  rows: readonly SubmissionSlot[],
  stateOf: (s: SubmissionSlot) => string | null | undefined,
  draftOf: (s: SubmissionSlot) => RowDraft,
): FormRows {
  const editable = rows.filter((s) => rowState(s, stateOf(s)).editable);
  const dirty = editable.filter((s) => isDirty(s, draftOf(s)) && draftOf(s).value !== null);
  return {
    editable,
    saveAll: dirty.filter((s) => !rowState(s, stateOf(s)).needsReason),
    submittable: editable.filter(
      (s) =>
        draftOf(s).value !== null &&
        (isDirty(s, draftOf(s)) || s.submission?.status === 'draft' || s.submission?.status === 'returned'),
    ),
  };
}

/**
 * The i18n key of a refused evidence upload: wrong or unknown content (415), the same file again
 * (409), too large (413); anything else is a general error (null).
 */
export function evidenceErrorKey(status: number | undefined, code: string | undefined): string | null {
  if (status === 415 || code === 'UNSUPPORTED_MEDIA_TYPE') return 'submissions.evidence.e415';
  if (status === 413 || code === 'PAYLOAD_TOO_LARGE') return 'submissions.evidence.e413';
  if (status === 409 || code === 'CONFLICT') return 'submissions.evidence.e409';
  return null;
}

/** Largest evidence file the server takes (10 MiB): larger ones are refused before uploading. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
