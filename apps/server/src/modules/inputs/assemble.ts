import type { HotlineField, ValueSource } from '@jixiao/contracts';
import type {
  CyclePolicy,
  DeductionInput,
  EvaluationInput,
  HalfYearInput,
  MissingPolicy,
  Plan,
  UnitInput,
  ValueInput,
} from '@jixiao/engine';
import { endMonth, yearOf } from '../periods/period-code.js';
import { dueShare, expectedReport, type LeafTraits, leafTraits, reportFits, scheduled } from './figures.js';

/**
 * The one cycle input (issue 8): official runs, live scores, the half-year freeze and what-if all
 * turn the cycle's tables into the engine's input here, and every number says where it came from.
 * Pure: the caller loads the rows (inputs.repository) and passes the clock.
 *
 * Per unit and scored leaf of the plan:
 * - value: the unit's newest counted report of the year up to the period, of the indicator's
 *   reporting frequency (or the year figure); a verified correction replaces the submitted value;
 *   unverified and returned reports count or not as `plan.cycle` says; supervision progress stands
 *   in for key works nobody reported (H6); a hotline figure fed to the indicator (H8) replaces the
 *   unit's own report: the hotline is the designated data provider (Z4);
 * - target and baseline: the issued task book's (W10), else the office's reference values; an amount
 *   against a yearly target is compared with the share due by the report's month (S9);
 * - a missing report: before its due date the plan's `missingBeforeDue` (re-weight, or 0 shown as
 *   pending); after it `missingAfterDue` (0, the last earlier report, or 0 plus a penalty);
 * - events: approved vetoes, bonuses and deductions from their period to the year end;
 * - a year-end period takes the frozen half-year totals (S9).
 */

export type ReportStatus = 'submitted' | 'verified' | 'returned';

export interface Report {
  id: number;
  unit: string;
  indicator: string;
  period: string;
  value: number | null;
  status: ReportStatus;
  source: string;
  importBatchId: number | null;
  updatedAt: Date;
  by: string | null;
  /** The latest verification passed with a corrected figure. */
  correction: { verificationId: number; value: number; by: string | null; at: Date } | null;
}

export interface IssuedTarget {
  taskBookId: number;
  unit: string;
  indicator: string;
  target: number | null;
  baseline: number | null;
  /** Cumulative quarterly shares of the target the task book states, e.g. [0.2, 0.45, 0.7, 1]. */
  schedule?: number[] | null;
}

export interface Reference {
  id: number;
  unit: string;
  indicator: string;
  period: string;
  target: number | null;
  baseline: number | null;
  baseValue: number | null;
  peerValue: number | null;
  peerBaseValue: number | null;
  scores: number[] | null;
  importBatchId: number | null;
}

export interface CycleEventRow {
  id: number;
  unit: string;
  period: string;
  kind: 'veto' | 'bonus' | 'deduction';
  code: string | null;
  indicator: string | null;
  points: number | null;
  reason: string;
}

export interface SupervisionValue {
  unit: string;
  indicator: string;
  value: number;
  target: number;
}

/** A scored survey campaign's value of a unit for the plan's survey indicator (issue 10). */
export interface SurveyValue {
  campaignId: number;
  unit: string;
  indicator: string;
  period: string;
  /** Null when the unit fell short of a rater group's minimum sample, or had no ballot. */
  value: number | null;
  n: number;
  missing: string | null;
  scoredAt: Date | null;
  scoredBy: string | null;
}

/**
 * A hotline figure of a unit for an indicator a hotline feed names (H8): the unit's timely-response
 * rate, completion rate, satisfaction or volume of one stored period.
 */
export interface HotlineValue {
  /** The hotline_stat row. */
  id: number;
  unit: string;
  indicator: string;
  field: HotlineField;
  period: string;
  value: number;
  /** The work orders the figure rests on. */
  volume: number;
  importedAt: Date;
  importedBy: string | null;
}

export interface AssembleArgs {
  plan: Plan;
  period: string;
  units: UnitInput[];
  reports: Report[];
  targets: IssuedTarget[];
  references: Reference[];
  events: CycleEventRow[];
  supervision: SupervisionValue[];
  /** Scored campaigns' values: a survey indicator's value unless a report of a later period exists. */
  surveys?: SurveyValue[];
  /** Fed hotline figures: the indicator's value, over the unit's own report (see hotlineOf). */
  hotline?: HotlineValue[];
  halfYear: HalfYearInput[] | null;
  /** The due date of a period's reports (its window, else the default calendar). */
  dueAt: (period: string) => Date;
  now: Date;
}

/** A source of one unit's input. */
export type UnitSource = ValueSource & { unit: string };

export interface Assembled {
  input: EvaluationInput;
  /** The plan with each leaf's missing-value policy set as the cycle policy decided for this period. */
  plan: Plan;
  /** That decision per leaf code, stored with a run so its plan can be rebuilt (applyMissing). */
  missing: Record<string, MissingMode>;
  sources: UnitSource[];
  /** Reports that entered the input. */
  counted: number;
}

const policyOf = (
  plan: Plan,
): Required<Omit<CyclePolicy, 'missingPenalty'>> & { missingPenalty: number } => ({
  unverified: plan.cycle?.unverified ?? 'count',
  rejected: plan.cycle?.rejected ?? 'missing',
  missingBeforeDue: plan.cycle?.missingBeforeDue ?? 'reweight',
  missingAfterDue: plan.cycle?.missingAfterDue ?? 'zero',
  missingPenalty: plan.cycle?.missingPenalty ?? 0,
});

const counts = (r: Report, p: ReturnType<typeof policyOf>) =>
  r.value !== null &&
  (r.status === 'verified' ||
    (r.status === 'submitted' && p.unverified === 'count') ||
    (r.status === 'returned' && p.rejected === 'count'));

const iso = (d: Date) => d.toISOString();

/** The newer of two reports of one cell: the later end month, then the year code, then the later edit. */
function newer(a: Report, b: Report): boolean {
  const ea = endMonth(a.period);
  const eb = endMonth(b.period);
  if (ea !== eb) return ea > eb;
  const ya = a.period.endsWith('-Y');
  const yb = b.period.endsWith('-Y');
  if (ya !== yb) return ya;
  return a.updatedAt > b.updatedAt;
}

/** Whether period a ends after b (a year code after its own December). */
const laterPeriod = (a: string, b: string) =>
  endMonth(a) > endMonth(b) || (endMonth(a) === endMonth(b) && a.endsWith('-Y') && !b.endsWith('-Y'));

export type MissingMode = 'reweight' | 'pending' | 'zero' | 'carry_forward' | 'penalty';

export function assembleCycleInput(args: AssembleArgs): Assembled {
  const { plan, period } = args;
  const policy = policyOf(plan);
  const year = yearOf(period);
  const until = endMonth(period);
  const known = new Set(args.units.map((u) => u.code));
  const leaves = leafTraits(plan);
  const leafOf = new Map(leaves.map((l) => [l.code, l]));
  const key = (unit: string, indicator: string) => `${unit}|${indicator}`;
  const sources: UnitSource[] = [];
  const cells = new Map<string, ValueInput>();
  const cell = (unit: string, indicator: string) => {
    const k = key(unit, indicator);
    let c = cells.get(k);
    if (!c) {
      c = { unit, indicator };
      cells.set(k, c);
    }
    return c;
  };

  // Reports of the year up to the period, per cell: the newest that fits the frequency.
  const inYear = (p: string) => yearOf(p) === year && endMonth(p) <= until;
  const reportsOf = new Map<string, Report[]>();
  for (const r of args.reports) {
    const leaf = leafOf.get(r.indicator);
    if (!known.has(r.unit) || !leaf || !inYear(r.period) || !reportFits(leaf.frequency, r.period)) continue;
    if (!counts(r, policy)) continue;
    const k = key(r.unit, r.indicator);
    const list = reportsOf.get(k);
    if (list) list.push(r);
    else reportsOf.set(k, [r]);
  }
  const newest = (list: Report[] | undefined, before?: number) => {
    let best: Report | undefined;
    for (const r of list ?? [])
      if ((before === undefined || endMonth(r.period) < before) && (!best || newer(r, best))) best = r;
    return best;
  };

  // References: per cell the newest of the year up to the period.
  const refOf = new Map<string, Reference>();
  for (const r of args.references) {
    if (!known.has(r.unit) || !inYear(r.period)) continue;
    const k = key(r.unit, r.indicator);
    const cur = refOf.get(k);
    if (!cur || endMonth(r.period) >= endMonth(cur.period)) refOf.set(k, r);
  }
  const targetOf = new Map<string, IssuedTarget>();
  for (const t of args.targets) if (known.has(t.unit)) targetOf.set(key(t.unit, t.indicator), t);
  const supervisionOf = new Map<string, SupervisionValue>();
  for (const s of args.supervision) if (known.has(s.unit)) supervisionOf.set(key(s.unit, s.indicator), s);

  // Survey values: per cell the newest scored campaign of the year up to the period.
  const surveyOf = new Map<string, SurveyValue>();
  for (const v of args.surveys ?? []) {
    if (!known.has(v.unit) || !leafOf.has(v.indicator) || !inYear(v.period)) continue;
    const k = key(v.unit, v.indicator);
    const cur = surveyOf.get(k);
    const later =
      !cur ||
      endMonth(v.period) > endMonth(cur.period) ||
      (endMonth(v.period) === endMonth(cur.period) &&
        (v.scoredAt?.getTime() ?? 0) > (cur.scoredAt?.getTime() ?? 0));
    if (later) surveyOf.set(k, v);
  }

  // Hotline figures: per cell the newest stored period of the year up to the period (H8).
  const hotlineOf = new Map<string, HotlineValue>();
  for (const h of args.hotline ?? []) {
    if (!known.has(h.unit) || !leafOf.has(h.indicator) || !inYear(h.period)) continue;
    const k = key(h.unit, h.indicator);
    const cur = hotlineOf.get(k);
    if (!cur || laterPeriod(h.period, cur.period)) hotlineOf.set(k, h);
  }

  const penalties: DeductionInput[] = [];
  const modeOf = new Map<string, MissingMode>();
  let counted = 0;

  for (const u of args.units) {
    for (const leaf of leaves) {
      const k = key(u.code, leaf.code);
      const survey = surveyOf.get(k);
      const latest = newest(reportsOf.get(k));
      // A campaign counts unless a report of a later period came in (e.g. a year figure after a
      // mid-year campaign); of one period the campaign wins.
      if (survey && !(latest && laterPeriod(latest.period, survey.period))) {
        // A scored campaign is the survey indicator's value; short of its sample the value stays
        // missing and the plan's own missing-value policy for the indicator decides (S12, Z3).
        const c = cell(u.code, leaf.code);
        if (survey.value !== null) c.value = survey.value;
        sources.push({
          ...src(u.code, leaf.code, 'value', 'survey', survey.campaignId, survey.period, survey.value),
          n: survey.n,
          ...(survey.missing ? { policy: survey.missing } : {}),
          by: survey.scoredBy,
          at: survey.scoredAt ? iso(survey.scoredAt) : null,
        });
        continue;
      }
      // Precedence: a fed hotline figure is the indicator's value whatever the unit reported (the
      // hotline is the designated provider, Z4); the unit's report then neither counts nor is missing.
      const hot = hotlineOf.get(k);
      const list = hot ? undefined : reportsOf.get(k);
      const expected = expectedReport(leaf.frequency ?? 'month', period);
      const due = expected !== null && args.dueAt(expected) < args.now;
      const exact =
        expected === null
          ? undefined
          : newest(list?.filter((r) => endMonth(r.period) === endMonth(expected)));
      let report = exact ?? newest(list);
      let mode: MissingMode | null = null;
      if (hot) {
        // Nothing is missing: the hotline gave the value.
      } else if (!exact && due) {
        // The report due by now is missing: the plan's after-due policy decides.
        mode = policy.missingAfterDue;
        if (mode === 'zero') report = undefined;
        if (mode === 'penalty' && policy.missingPenalty > 0)
          penalties.push({
            unit: u.code,
            points: policy.missingPenalty,
            reason: `missing_report ${leaf.code} ${expected}`,
            indicator: leaf.code,
          });
      } else if (!report) mode = policy.missingBeforeDue;
      if (mode) modeOf.set(leaf.code, mode);

      const ref = refOf.get(k);
      const tb = targetOf.get(k);
      const sup = supervisionOf.get(k);
      const c = ref || tb || sup || report || hot ? cell(u.code, leaf.code) : undefined;
      if (c && ref) {
        for (const f of ['target', 'baseline', 'baseValue', 'peerValue', 'peerBaseValue'] as const) {
          const v = ref[f];
          if (v === null) continue;
          c[f] = v;
          sources.push({
            ...src(u.code, leaf.code, f, 'reference', ref.id, ref.period, v),
            importBatchId: ref.importBatchId,
          });
        }
        if (ref.scores?.length) {
          c.scores = [...ref.scores];
          sources.push({
            ...src(u.code, leaf.code, 'scores', 'reference', ref.id, ref.period, null),
            importBatchId: ref.importBatchId,
          });
        }
      }
      if (c && tb) {
        for (const f of ['target', 'baseline'] as const) {
          const v = tb[f];
          if (v === null) continue;
          c[f] = v;
          // The issued task book wins over the office's reference figure.
          dropSource(sources, u.code, leaf.code, f);
          sources.push(src(u.code, leaf.code, f, 'task_book', tb.taskBookId, null, v));
        }
      }
      if (c && hot) {
        c.value = hot.value;
        sources.push({
          ...src(u.code, leaf.code, 'value', 'hotline', hot.id, hot.period, hot.value),
          n: hot.volume,
          figure: hot.field,
          by: hot.importedBy,
          at: iso(hot.importedAt),
        });
      } else if (c && sup && !report) {
        c.value = sup.value;
        c.target = sup.target;
        dropSource(sources, u.code, leaf.code, 'target');
        sources.push(src(u.code, leaf.code, 'value', 'supervision', null, period, sup.value));
        sources.push(src(u.code, leaf.code, 'target', 'supervision', null, period, sup.target));
      }
      if (c && report) {
        counted++;
        const corrected = report.correction;
        c.value = corrected ? corrected.value : report.value;
        const carried = mode === 'carry_forward' || mode === 'penalty' ? mode : null;
        sources.push({
          unit: u.code,
          indicator: leaf.code,
          field: 'value',
          kind: corrected ? 'verification' : report.importBatchId ? 'import_batch' : 'submission',
          id: corrected ? corrected.verificationId : (report.importBatchId ?? report.id),
          period: report.period,
          value: c.value ?? null,
          submissionId: report.id,
          ...(report.importBatchId ? { importBatchId: report.importBatchId } : {}),
          ...(corrected ? { submitted: report.value } : {}),
          ...(carried ? { policy: carried } : {}),
          by: corrected ? corrected.by : report.by,
          at: iso(corrected ? corrected.at : report.updatedAt),
        });
        // S9: an amount before the year end is held against the share of the target due by then.
        const month = endMonth(report.period);
        if (scheduled(leaf) && month < 12)
          scaleTargets(c, leaf, dueShare(month, tb?.schedule), sources, u.code);
      }
      if (mode && !report)
        sources.push({
          unit: u.code,
          indicator: leaf.code,
          field: 'value',
          kind: 'missing',
          id: null,
          period: expected,
          value: null,
          policy: mode,
        });
    }
  }

  const eventsIn = args.events.filter((e) => known.has(e.unit) && inYear(e.period));
  for (const e of eventsIn)
    sources.push({
      unit: e.unit,
      indicator: e.kind === 'bonus' ? e.code : e.indicator,
      field: 'event',
      kind: 'event',
      id: e.id,
      period: e.period,
      value: e.points,
      policy: e.kind,
    });
  const input: EvaluationInput = {
    period,
    units: args.units,
    values: [...cells.values()],
    bonuses: eventsIn
      .filter((e) => e.kind === 'bonus' && e.code && e.points !== null)
      .map((e) => ({ unit: e.unit, source: e.code!, points: e.points!, reason: e.reason })),
    deductions: [
      ...eventsIn
        .filter((e) => e.kind === 'deduction' && e.points !== null)
        .map((e) => ({
          unit: e.unit,
          points: e.points!,
          reason: e.reason,
          ...(e.indicator ? { indicator: e.indicator } : {}),
        })),
      ...penalties,
    ],
    vetoes: eventsIn
      .filter((e) => e.kind === 'veto' && e.code)
      .map((e) => ({ unit: e.unit, event: e.code!, reason: e.reason })),
  };
  if (args.halfYear && period.endsWith('-Y')) {
    input.halfYear = args.halfYear.filter((h) => known.has(h.unit));
    for (const h of input.halfYear)
      sources.push(src(h.unit, null, 'halfYear', 'half_year', null, `${year}-H1`, h.total));
  }
  const missing = Object.fromEntries(modeOf);
  return { input, plan: applyMissing(plan, missing), missing, sources, counted };
}

function src(
  unit: string,
  indicator: string | null,
  field: ValueSource['field'],
  kind: ValueSource['kind'],
  id: number | null,
  period: string | null,
  value: number | null,
): UnitSource {
  return { unit, indicator, field, kind, id, period, value };
}

function dropSource(sources: UnitSource[], unit: string, indicator: string, field: ValueSource['field']) {
  for (let i = sources.length - 1; i >= 0; i--) {
    const s = sources[i]!;
    if (s.unit === unit && s.indicator === indicator && s.field === field) sources.splice(i, 1);
  }
}

function scaleTargets(c: ValueInput, leaf: LeafTraits, share: number, sources: UnitSource[], unit: string) {
  const fields =
    leaf.methodKind === 'total_growth'
      ? (['target', 'baseValue'] as const)
      : ([leaf.reference ?? 'target'] as const);
  for (const f of fields) {
    const full = c[f];
    if (full === undefined || full === null) continue;
    const scaled = Math.round(full * share * 1e6) / 1e6;
    c[f] = scaled;
    for (const s of sources)
      if (s.unit === unit && s.indicator === leaf.code && s.field === f) {
        s.fullTarget = full;
        s.share = Math.round(share * 1e6) / 1e6;
        s.value = scaled;
      }
  }
}

/** The plan with the cycle's missing-value decision on each leaf that has a missing report. */
export function applyMissing(plan: Plan, missing: Record<string, MissingMode> | undefined): Plan {
  const modes = new Map(Object.entries(missing ?? {}));
  if (modes.size === 0) return plan;
  const engineMissing = (m: MissingMode): MissingPolicy => (m === 'reweight' ? 'reweight' : 'zero');
  return {
    ...plan,
    indicators: plan.indicators.map((ind) => {
      const own = modes.get(ind.code);
      const subs = ind.subItems?.map((s) => {
        const m = modes.get(`${ind.code}.${s.code}`);
        return m ? { ...s, missing: engineMissing(m) } : s;
      });
      if (!own && !subs) return ind;
      return { ...ind, ...(own ? { missing: engineMissing(own) } : {}), ...(subs ? { subItems: subs } : {}) };
    }),
  };
}
