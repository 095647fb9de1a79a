/**
 * Pure view model of the events page (W5, W9, W12, S8, S15, Z13): the plan's bonus sources and
 * caps, each unit's bonus against the cap, what a form needs before it can be sent, which actions
 * a user has on an event, and the pre-fill the what-if page links with.
 */
import type { CycleEvent, EventKind, EventStatus } from '@jixiao/contracts';
import { parsePeriod } from '@jixiao/engine';

export const EVENT_KINDS: EventKind[] = ['deduction', 'bonus', 'veto'];
export const EVENT_STATUSES: EventStatus[] = ['pending', 'approved', 'rejected', 'withdrawn'];

/**
 * Common one-vote-veto events (W5, W12, S15): major safety accident, mass incident, food safety,
 * environmental pollution, serious discipline violation by leaders, criticised by the province or
 * core media. The form offers these and accepts any other code.
 */
export const VETO_CODES = [
  'safety_accident',
  'mass_incident',
  'food_safety',
  'environmental_pollution',
  'discipline',
  'media_criticism',
] as const;

export interface BonusSource {
  code: string;
  name: string;
  /** The source's own cap. */
  cap?: number;
  /** Not counted against the shared cap. */
  outsideSharedCap?: boolean;
}

export interface BonusRules {
  /** The shared cap over all sources (W9: 8 over 100); null when the plan has no bonus. */
  cap: number | null;
  sources: BonusSource[];
}

const obj = (x: unknown): Record<string, unknown> =>
  x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** The plan document's `bonus` block (tolerant of a document still being edited). */
export function bonusRules(document: unknown): BonusRules {
  const bonus = obj(obj(document).bonus);
  const sources: BonusSource[] = [];
  for (const s of list(bonus.sources)) {
    const o = obj(s);
    if (typeof o.code !== 'string' || !o.code) continue;
    const cap = num(o.cap);
    sources.push({
      code: o.code,
      name: typeof o.name === 'string' && o.name ? o.name : o.code,
      ...(cap !== undefined ? { cap } : {}),
      ...(o.outsideSharedCap === true ? { outsideSharedCap: true } : {}),
    });
  }
  return { cap: num(bonus.cap) ?? null, sources };
}

export interface IndicatorOption {
  code: string;
  name: string;
}

/** The plan's leaf indicators (those no other indicator names as parent), in plan order. */
export function leafIndicators(document: unknown): IndicatorOption[] {
  const inds = list(obj(document).indicators).map(obj);
  const parents = new Set(inds.map((i) => i.parent).filter((p): p is string => typeof p === 'string'));
  return inds
    .filter((i) => typeof i.code === 'string' && !parents.has(i.code))
    .map((i) => ({ code: i.code as string, name: typeof i.name === 'string' ? i.name : (i.code as string) }));
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** What a set of bonuses of one unit adds up to under the plan's caps. */
export function countedBonus(
  items: readonly { code: string | null; points: number | null }[],
  rules: BonusRules,
) {
  const bySource = new Map<string, number>();
  for (const e of items) {
    const k = e.code ?? '';
    bySource.set(k, (bySource.get(k) ?? 0) + (e.points ?? 0));
  }
  let shared = 0;
  let outside = 0;
  let raw = 0;
  for (const [code, sum] of bySource) {
    raw += sum;
    const src = rules.sources.find((s) => s.code === code);
    const own = src?.cap !== undefined ? Math.min(sum, src.cap) : sum;
    if (src?.outsideSharedCap) outside += own;
    else shared += own;
  }
  const counted = (rules.cap !== null ? Math.min(shared, rules.cap) : shared) + outside;
  return { raw: round(raw), shared: round(shared), counted: round(counted) };
}

export interface CapUsage {
  unitId: number;
  unitCode: string;
  unitName: string;
  /** Approved bonus points, as recorded. */
  approved: number;
  /** What the approved bonuses count for under the caps. */
  counted: number;
  /** Points still waiting for the office's decision. */
  pending: number;
  /** The shared cap (null: none). */
  cap: number | null;
  /** Approved points counted against the shared cap. */
  shared: number;
  /** Approved shared points exceed the cap (the excess does not count). */
  over: boolean;
  /** Approved + pending would exceed the cap. */
  pendingOver: boolean;
}

/** Per unit, the bonus total against the plan's cap (W9), units by code. Rejected and withdrawn do not count. */
export function capUsage(events: readonly CycleEvent[], rules: BonusRules): CapUsage[] {
  const byUnit = new Map<number, CycleEvent[]>();
  for (const e of events) {
    if (e.kind !== 'bonus' || (e.status !== 'approved' && e.status !== 'pending')) continue;
    const l = byUnit.get(e.unitId) ?? [];
    l.push(e);
    byUnit.set(e.unitId, l);
  }
  const out: CapUsage[] = [];
  for (const [unitId, items] of byUnit) {
    const approved = items.filter((e) => e.status === 'approved');
    const pending = items.filter((e) => e.status === 'pending');
    const a = countedBonus(approved, rules);
    const all = countedBonus(items, rules);
    out.push({
      unitId,
      unitCode: items[0]!.unitCode,
      unitName: items[0]!.unitName,
      approved: a.raw,
      counted: a.counted,
      pending: round(pending.reduce((s, e) => s + (e.points ?? 0), 0)),
      cap: rules.cap,
      shared: a.shared,
      over: rules.cap !== null && a.shared > rules.cap,
      pendingOver: rules.cap !== null && all.shared > rules.cap,
    });
  }
  return out.sort((x, y) => x.unitCode.localeCompare(y.unitCode));
}

/**
 * Room left under the shared cap for a new bonus of a unit from a source (approved and pending
 * bonuses both use it up); null when nothing caps it.
 */
export function bonusRoom(
  events: readonly CycleEvent[],
  rules: BonusRules,
  unitId: number,
  source: string | undefined,
): number | null {
  const src = rules.sources.find((s) => s.code === source);
  const live = events.filter(
    (e) => e.kind === 'bonus' && e.unitId === unitId && (e.status === 'approved' || e.status === 'pending'),
  );
  const rooms: number[] = [];
  if (rules.cap !== null && !src?.outsideSharedCap) rooms.push(rules.cap - countedBonus(live, rules).shared);
  if (src?.cap !== undefined)
    rooms.push(src.cap - live.filter((e) => e.code === src.code).reduce((s, e) => s + (e.points ?? 0), 0));
  return rooms.length ? round(Math.max(0, Math.min(...rooms))) : null;
}

// --- what a user may do --------------------------------------------------------------------------

export interface EventRights {
  /** May record events (office, lead departments). */
  record: boolean;
  /** Decides on bonuses (the office). */
  decide: boolean;
  /** The caller's username (a recorder may withdraw what it recorded). */
  username: string;
}

/** The permission names the server gives (platform/access.ts). */
export const EVENT_PERMISSIONS = {
  read: 'events.read',
  record: 'events.record',
  decide: 'events.approve',
  imports: 'data.import',
} as const;

export function eventRights(me: { permissions: readonly string[]; username: string }): EventRights {
  return {
    record: me.permissions.includes(EVENT_PERMISSIONS.record),
    decide: me.permissions.includes(EVENT_PERMISSIONS.decide),
    username: me.username,
  };
}

export type EventAction = 'approve' | 'reject' | 'withdraw' | 'attach';

/**
 * The actions a user has on an event: the office approves or rejects a pending bonus; the office
 * or the recorder withdraws an event that still counts (or waits) with a reason, and attaches
 * evidence to it. Rejected and withdrawn events are history.
 */
export function eventActions(
  e: Pick<CycleEvent, 'kind' | 'status' | 'createdBy'>,
  r: EventRights,
): EventAction[] {
  const live = e.status === 'pending' || e.status === 'approved';
  if (!live) return [];
  const out: EventAction[] = [];
  if (r.decide && e.kind === 'bonus' && e.status === 'pending') out.push('approve', 'reject');
  const mine = r.record && e.createdBy !== null && e.createdBy === r.username;
  if (r.decide || mine) out.push('withdraw', 'attach');
  return out;
}

// --- the record form -----------------------------------------------------------------------------

export interface EventDraft {
  kind: EventKind;
  period?: string;
  unitId?: number;
  code?: string;
  indicator?: string;
  points?: number | null;
  reason: string;
}

export type DraftProblem = 'unit' | 'period' | 'source' | 'code' | 'points' | 'reason' | 'indicator';

/** What still blocks sending the form, in form order. */
export function draftProblems(
  d: EventDraft,
  ctx: { sources: readonly { code: string }[]; indicators: readonly { code: string }[] },
): DraftProblem[] {
  const out: DraftProblem[] = [];
  if (!d.period) out.push('period');
  if (!d.unitId) out.push('unit');
  if (d.kind === 'bonus' && !ctx.sources.some((s) => s.code === d.code)) out.push('source');
  if (d.kind === 'veto' && !d.code?.trim()) out.push('code');
  if (d.kind === 'deduction' && d.indicator && !ctx.indicators.some((i) => i.code === d.indicator))
    out.push('indicator');
  if (d.kind !== 'veto' && !(typeof d.points === 'number' && d.points > 0 && d.points <= 1000))
    out.push('points');
  if (!d.reason.trim()) out.push('reason');
  return out;
}

/** The request body of a draft (kind-specific fields only). */
export function draftBody(d: EventDraft, planId: number) {
  return {
    planId,
    period: d.period!,
    unitId: d.unitId!,
    kind: d.kind,
    code: d.kind === 'deduction' ? null : d.code?.trim() || null,
    indicator: d.kind === 'deduction' ? d.indicator || null : null,
    points: d.kind === 'veto' ? null : (d.points ?? null),
    reason: d.reason.trim(),
  };
}

const posInt = (s: string | null) => {
  const n = Number(s);
  return s && Number.isInteger(n) && n > 0 ? n : undefined;
};

export interface Prefill {
  planId?: number;
  period?: string;
  /** A unit named by its code (`unit=`): the form's unit, or else the list's unit filter. */
  unitCode?: string;
  /** An event to point at in the list (`event=`, the trace links with it). */
  eventId?: number;
  draft?: Partial<EventDraft>;
}

/** The query keys the links of other pages carry (dropped from the URL once read). */
export const PREFILL_KEYS = [
  'planId',
  'unitId',
  'unit',
  'event',
  'kind',
  'points',
  'reason',
  'indicator',
  'code',
];

/**
 * What other pages link here with: the what-if page
 * `?planId=&period=&unitId=&unit=&kind=deduction&points=&indicator=&code=&reason=` opens the form
 * pre-filled (a kind or a unit id opens it); a trace `?planId=&unit=A01&event=9` filters the list
 * to the unit and points at the event. Bad values are dropped, never guessed.
 */
export function prefillFromQuery(q: URLSearchParams): Prefill {
  const out: Prefill = {};
  const planId = posInt(q.get('planId') ?? q.get('plan'));
  if (planId) out.planId = planId;
  const period = q.get('period');
  if (period && parsePeriod(period)) out.period = period;
  const unitCode = q.get('unit')?.trim();
  if (unitCode) out.unitCode = unitCode;
  const eventId = posInt(q.get('event'));
  if (eventId) out.eventId = eventId;
  const kind = q.get('kind');
  const unitId = posInt(q.get('unitId'));
  if (!(EVENT_KINDS as string[]).includes(kind ?? '') && !unitId) return out;
  const d: Partial<EventDraft> = {
    kind: (EVENT_KINDS as string[]).includes(kind ?? '') ? (kind as EventKind) : 'deduction',
  };
  if (unitId) d.unitId = unitId;
  const points = Number(q.get('points'));
  if (q.get('points') && Number.isFinite(points) && points !== 0) d.points = Math.abs(points);
  for (const k of ['indicator', 'code', 'reason'] as const) {
    const v = q.get(k)?.trim();
    if (v) d[k] = v;
  }
  out.draft = d;
  return out;
}

/** The unit id of a code among the units offered (the what-if link may name only the code). */
export const unitIdOf = (units: readonly { id: number; code: string }[], code: string | undefined) =>
  code ? units.find((u) => u.code === code)?.id : undefined;

/** Tag colour of a kind and of a status. */
export const KIND_COLOR: Record<EventKind, string> = { veto: 'red', bonus: 'green', deduction: 'orange' };
export const STATUS_COLOR: Record<EventStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

/**
 * Why the server refused to record (403): the unit is outside the recorder's grant, or a lead
 * department named no indicator of its own (the refs come from the caller's own grants, not from
 * the server's English message). Null when the refusal names neither.
 */
export function refusalText(
  details: unknown,
  grants: readonly { scopeType: string; refs: readonly string[] }[],
): { key: string; params?: Record<string, string> } | null {
  const paths = Array.isArray(details)
    ? details.map((d) => (d && typeof d === 'object' ? (d as { path?: unknown }).path : undefined))
    : [];
  if (paths.includes('indicator')) {
    const refs = [...new Set(grants.filter((g) => g.scopeType === 'indicators').flatMap((g) => g.refs))];
    return { key: 'events.forbidden.indicator', params: { refs: refs.join('、') || '—' } };
  }
  if (paths.includes('unitId')) return { key: 'events.forbidden.unit' };
  return null;
}
