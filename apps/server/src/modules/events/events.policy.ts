import type { Executor } from '../../db/client.js';
import { type Actor, type Permission, rolePermissions } from '../../platform/access.js';
import { AppError, notFound } from '../../platform/errors.js';
import { refsCover } from '../plans/plan-leaves.js';
import { findPlan } from '../plans/plans.repository.js';
import { findEvent } from './events.repository.js';

/**
 * Who may see, record and decide veto / bonus / deduction events (W5, W9, W12, S8).
 *
 * - See: global, system and indicator grants (office, leader, lead departments) see every event of
 *   the plans they read; org grants (unit roles) see their own units' events and every approved
 *   bonus of all units (W9: bonuses are published to all units).
 * - Record: global or system grant → any unit; org grant → units of its subtree; indicator grant
 *   (lead department) → only events that name an indicator the grant covers.
 * - Decide (approve / reject a bonus): the office (events.approve) over the unit.
 * - Withdraw and attach evidence: the recorder or the office.
 * Pure, apart from the evidence look-up at the end (used by the evidence download).
 */
export interface EventScope {
  all: boolean;
  systemIds: number[];
  paths: string[];
  refs: string[];
}

export interface EventUnit {
  path: string;
}

export interface EventLike {
  kind: string;
  status: string;
  createdBy: string | null;
}

/** The grants of `actor` that carry `p`, by scope; unlike orgScope, indicator grants stay refs. */
export function eventScope(actor: Actor, p: Permission): EventScope {
  const s: EventScope = { all: false, systemIds: [], paths: [], refs: [] };
  for (const g of actor.grants) {
    if (!rolePermissions[g.role].includes(p)) continue;
    if (g.scopeType === 'global') s.all = true;
    else if (g.scopeType === 'system' && g.systemId) s.systemIds.push(g.systemId);
    else if (g.scopeType === 'org' && g.orgPath) s.paths.push(g.orgPath);
    else if (g.scopeType === 'indicators') s.refs.push(...g.refs);
  }
  return s;
}

/** The scope reaches the unit as a unit (not through indicators). */
export const coversUnit = (s: EventScope, unit: EventUnit, systemId: number) =>
  s.all || s.systemIds.includes(systemId) || s.paths.some((p) => unit.path.startsWith(p));

const isRecorder = (actor: Actor, ev: EventLike) => ev.createdBy !== null && ev.createdBy === actor.username;

/** The office over this unit: may approve, reject and withdraw any event of it. */
export const isOffice = (actor: Actor, unit: EventUnit, systemId: number) =>
  coversUnit(eventScope(actor, 'events.approve'), unit, systemId);

export function canSeeEvent(actor: Actor, ev: EventLike, unit: EventUnit, systemId: number): boolean {
  const s = eventScope(actor, 'events.read');
  if (s.all || s.systemIds.includes(systemId) || s.refs.length > 0) return true;
  if (s.paths.some((p) => unit.path.startsWith(p))) return true;
  return (ev.kind === 'bonus' && ev.status === 'approved') || isRecorder(actor, ev);
}

/** An event's evidence: the unit concerned, the recorder and the office (not every reader of the bonus list). */
export const canReadEvidence = (actor: Actor, ev: EventLike, unit: EventUnit, systemId: number) =>
  isRecorder(actor, ev) ||
  isOffice(actor, unit, systemId) ||
  coversUnit(eventScope(actor, 'events.read'), unit, systemId);

/** Refuse an event against a unit or indicator outside the recorder's grant (403). */
export function assertMayRecord(actor: Actor, unit: EventUnit, systemId: number, indicator: string | null) {
  const s = eventScope(actor, 'events.record');
  if (coversUnit(s, unit, systemId)) return;
  if (s.refs.length > 0) {
    if (indicator && refsCover(s.refs, indicator)) return;
    throw new AppError(
      'FORBIDDEN',
      indicator
        ? `indicator: ${indicator} is not one of the indicators you assess (${s.refs.join(', ')})`
        : `indicator: name the indicator of your grant (${s.refs.join(', ')}) the event is charged to`,
      [{ path: 'indicator', message: 'outside your grant' }],
    );
  }
  throw new AppError('FORBIDDEN', 'unitId: this unit is outside the units you may record events for', [
    { path: 'unitId', message: 'outside your grant' },
  ]);
}

/** Withdrawing or attaching evidence: only the recorder or the office. */
export function assertRecorderOrOffice(actor: Actor, ev: EventLike, unit: EventUnit, systemId: number) {
  if (isRecorder(actor, ev) || isOffice(actor, unit, systemId)) return;
  throw new AppError('FORBIDDEN', 'Only who recorded this event or the performance office may change it');
}

/** For GET /api/evidence/:id: the event an evidence file belongs to must be readable, else 404. */
export async function assertEventEvidenceReadable(db: Executor, actor: Actor, eventId: number) {
  const ev = await findEvent(db, eventId);
  const plan = ev && (await findPlan(db, ev.planId));
  if (!ev || !plan || !canReadEvidence(actor, ev, { path: ev.unitPath }, plan.systemId))
    throw notFound('File');
}
