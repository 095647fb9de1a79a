import { beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../src/modules/notifications/notifications.service.js';
import { attachEvidence } from '../src/modules/submissions/evidence.service.js';
import { rolePermissions } from '../src/platform/access.js';
import { systemCtx } from '../src/platform/context.js';
import { fillCycle } from './cycle-data.js';
import { makeUser, signIn } from './helpers.js';
import { buildOrg, officeCookie, poster, releaseRun } from './org-fixture.js';
import { tinyInput, tinyPlan } from './plans-fixture.js';
import { useTestApp } from './use-app.js';

/**
 * Walks every registered API route. For each: a user of another unit gets 404 on objects it does not
 * own (existence is not revealed), and a role that lacks the function gets 403. A route missing from
 * the table below fails the test, so a new route cannot skip this check.
 */
interface Fixture {
  city: number;
  unit1: number;
  section1: number;
  unit2: number;
  staff1: number;
  user1: number;
  grant1: number;
  system: number;
  category: number;
  group: number;
  /** An evaluated plan of unit 1 and 2's system, and a plan of another system. */
  plan: number;
  /** The released 2026-Y run of `plan`. */
  run: number;
  /** Unit 1's objection to that run. */
  objection1: number;
  otherPlan: number;
  /** A notification in user 1's bell. */
  notification1: number;
  /** A draft task book of unit 1 for `plan`. */
  taskBook1: number;
  /** Unit 1's value of I1 for 2026-M03 with an evidence file, verified by the office. */
  submission1: number;
  evidence1: number;
  verification1: number;
  /** An urging notice to unit 1, and an API token of the supervision system. */
  notice1: number;
  token1: number;
  /** A rectification task of unit 1, and an open rating round of the system rating units 1 and 2. */
  task1: number;
  round1: number;
  /** A finished scorecards job the office started. */
  job1: number;
  /** An open 2026 innovation call, unit 1's project in it, an expert judging it (the assignment). */
  call1: number;
  project1: number;
  expert1: number;
  assignment1: number;
  /** A planned defence session of call1 hearing project1. */
  session1: number;
  /** Another expert's year-end review of unit 1, and its inquiry to unit 1. */
  review1: number;
  inquiry1: number;
  reviewer: number;
  /** The office's kiosk link to the large screen of `plan` (its token is shown once). */
  kiosk1: { id: number; token: string };
}

type Call = { url: string; payload?: unknown };
type Case = {
  call: (f: Fixture) => Call;
  /** Status for the unit admin of unit 2 acting on unit 1's objects. */
  otherUnit: number;
  /** Status for an observer (read-only role) or, for reads, an account without any grant. */
  lacking: number;
};

/** The answers the two actors get from a route, for its call. */
const answers =
  (otherUnit: number, lacking: number) =>
  (call: Case['call']): Case => ({ call, otherUnit, lacking });
/** Another unit's objects are not revealed (404); a role lacking the function is refused (403). */
const hiddenFromOtherUnits = answers(404, 403);
/** The function belongs to neither actor (403 to both). */
const refusedToBoth = answers(403, 403);
/** Another unit's admin gets its own scope's view (200); a role lacking the function is refused (403). */
const scopedForOtherUnits = answers(200, 403);
/** Both get their own (200): their session, their bell, lists filtered to what they may see. */
const openToBoth = answers(200, 200);
/** The object is neither actor's, or does not exist (404 to both). */
const notFoundToBoth = answers(404, 404);
/** Not authenticated as anyone: wrong credentials, or a system's endpoint without its token (401 to both). */
const unauthenticatedToBoth = answers(401, 401);
/** The input is refused before anything else (400 to both). */
const invalidToBoth = answers(400, 400);
/** The call that renames the object at `url`. */
const renaming =
  (url: (f: Fixture) => string) =>
  (f: Fixture): Call => ({ url: url(f), payload: { name: 'x', version: 1 } });

const cases: Record<string, Case> = {
  'POST /api/auth/login': unauthenticatedToBoth(() => ({
    url: '/api/auth/login',
    payload: { username: 'x', password: 'y' },
  })),
  'GET /api/auth/me': openToBoth(() => ({ url: '/api/auth/me' })),
  'GET /api/auth/session': openToBoth(() => ({ url: '/api/auth/session' })),
  'POST /api/auth/logout': openToBoth(() => ({ url: '/api/auth/logout' })),
  'POST /api/auth/logout-all': openToBoth(() => ({ url: '/api/auth/logout-all' })),
  'POST /api/auth/change-password': invalidToBoth(() => ({
    url: '/api/auth/change-password',
    payload: { currentPassword: 'wrong-one', newPassword: 'Another-pass-1' },
  })),
  'GET /api/users': scopedForOtherUnits(() => ({ url: '/api/users' })),
  'GET /api/users/:id': hiddenFromOtherUnits((f) => ({ url: `/api/users/${f.user1}` })),
  'POST /api/users': hiddenFromOtherUnits((f) => ({
    url: '/api/users',
    payload: {
      username: 'intruder',
      displayName: 'x',
      orgNodeId: f.unit1,
      password: 'Intruder-pass-1',
      grants: [],
    },
  })),
  'PATCH /api/users/:id': hiddenFromOtherUnits((f) => ({
    url: `/api/users/${f.user1}`,
    payload: { displayName: 'x', version: 1 },
  })),
  'POST /api/users/:id/reset-password': hiddenFromOtherUnits((f) => ({
    url: `/api/users/${f.user1}/reset-password`,
    payload: { password: 'Hijacked-pass-1' },
  })),
  'POST /api/users/:id/unlock': hiddenFromOtherUnits((f) => ({ url: `/api/users/${f.user1}/unlock` })),
  'POST /api/users/:id/grants': hiddenFromOtherUnits((f) => ({
    url: `/api/users/${f.user1}/grants`,
    payload: { role: 'unit_admin', scopeType: 'org', orgNodeId: f.unit1 },
  })),
  'DELETE /api/users/:id/grants/:grantId': hiddenFromOtherUnits((f) => ({
    url: `/api/users/${f.user1}/grants/${f.grant1}`,
  })),
  'GET /api/org-nodes': scopedForOtherUnits(() => ({ url: '/api/org-nodes' })),
  'GET /api/org-nodes/:id': hiddenFromOtherUnits((f) => ({ url: `/api/org-nodes/${f.unit1}` })),
  'POST /api/org-nodes': hiddenFromOtherUnits((f) => ({
    url: '/api/org-nodes',
    payload: { parentId: f.unit1, kind: 'section', code: 'sneaky', name: '潜入科' },
  })),
  'PATCH /api/org-nodes/:id': hiddenFromOtherUnits(renaming((f) => `/api/org-nodes/${f.unit1}`)),
  'DELETE /api/org-nodes/:id': hiddenFromOtherUnits((f) => ({ url: `/api/org-nodes/${f.section1}` })),
  'GET /api/org-nodes/import-template': scopedForOtherUnits(() => ({
    url: '/api/org-nodes/import-template?format=csv',
  })),
  'POST /api/org-nodes/import': {
    call: () => ({ url: '/api/org-nodes/import' }),
    otherUnit: 400,
    lacking: 403,
  },
  'GET /api/systems': scopedForOtherUnits(() => ({ url: '/api/systems' })),
  'POST /api/systems': refusedToBoth(() => ({ url: '/api/systems', payload: { code: 'rogue', name: 'x' } })),
  'PATCH /api/systems/:id': refusedToBoth(renaming((f) => `/api/systems/${f.system}`)),
  'GET /api/categories': scopedForOtherUnits(() => ({ url: '/api/categories' })),
  'POST /api/categories': refusedToBoth((f) => ({
    url: '/api/categories',
    payload: { systemId: f.system, code: 'z', name: 'x' },
  })),
  'PATCH /api/categories/:id': refusedToBoth(renaming((f) => `/api/categories/${f.category}`)),
  'GET /api/groups': scopedForOtherUnits(() => ({ url: '/api/groups' })),
  'POST /api/groups': refusedToBoth((f) => ({
    url: '/api/groups',
    payload: { categoryId: f.category, code: 'z', name: 'x' },
  })),
  'PATCH /api/groups/:id': refusedToBoth(renaming((f) => `/api/groups/${f.group}`)),
  'GET /api/staff': hiddenFromOtherUnits((f) => ({ url: `/api/staff?orgNodeId=${f.unit1}` })),
  'POST /api/staff': hiddenFromOtherUnits((f) => ({
    url: '/api/staff',
    payload: { orgNodeId: f.unit1, employeeNo: 'E999', name: '某人' },
  })),
  'PATCH /api/staff/:id': hiddenFromOtherUnits(renaming((f) => `/api/staff/${f.staff1}`)),
  'DELETE /api/staff/:id': hiddenFromOtherUnits((f) => ({ url: `/api/staff/${f.staff1}` })),
  'GET /api/plan-templates': scopedForOtherUnits(() => ({ url: '/api/plan-templates' })),
  'GET /api/plans': scopedForOtherUnits(() => ({ url: '/api/plans' })),
  'POST /api/plans': refusedToBoth((f) => ({
    url: '/api/plans',
    payload: { systemId: f.system, year: 2026, name: 'rogue' },
  })),
  // A unit reads its own system's plans; a plan of another system is not found.
  'GET /api/plans/:id': hiddenFromOtherUnits((f) => ({ url: `/api/plans/${f.otherPlan}` })),
  'PUT /api/plans/:id': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}`,
    payload: { document: {}, version: 1 },
  })),
  'POST /api/plans/:id/activate': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/activate`,
    payload: { version: 1 },
  })),
  'POST /api/plans/:id/clone': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/clone`,
    payload: { year: 2027 },
  })),
  'GET /api/plans/:id/revisions': hiddenFromOtherUnits((f) => ({
    url: `/api/plans/${f.otherPlan}/revisions`,
  })),
  'GET /api/plans/:id/diff': hiddenFromOtherUnits((f) => ({
    url: `/api/plans/${f.otherPlan}/diff?againstPlanId=${f.plan}`,
  })),
  'GET /api/plans/:id/export': hiddenFromOtherUnits((f) => ({
    url: `/api/plans/${f.otherPlan}/export?format=json`,
  })),
  'POST /api/plans/:id/import': refusedToBoth((f) => ({ url: `/api/plans/${f.plan}/import` })),
  'POST /api/ahp': refusedToBoth(() => ({
    url: '/api/ahp',
    payload: {
      matrix: [
        [1, 2],
        [0.5, 1],
      ],
    },
  })),
  'POST /api/plans/:id/evaluate': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/evaluate`,
    payload: { period: '2026-Y' },
  })),
  // Another unit sees the results, filtered to its own row, but not unit 1's trace.
  'GET /api/plans/:id/results': scopedForOtherUnits((f) => ({
    url: `/api/plans/${f.plan}/results?period=2026-Y`,
  })),
  'GET /api/plans/:id/runs': scopedForOtherUnits((f) => ({ url: `/api/plans/${f.plan}/runs?period=2026-Y` })),
  // Run steps (issue 11): the office publishes, submits and corrects; the leaders approve or return.
  'POST /api/plans/:id/runs/:runId/publish': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/runs/${f.run}/publish`,
    payload: { from: '2026-12-01', to: '2026-12-07' },
  })),
  'POST /api/plans/:id/runs/:runId/submit': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/runs/${f.run}/submit`,
  })),
  'POST /api/plans/:id/runs/:runId/approve': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/runs/${f.run}/approve`,
  })),
  'POST /api/plans/:id/runs/:runId/return': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/runs/${f.run}/return`,
    payload: { note: 'x' },
  })),
  'POST /api/plans/:id/runs/:runId/correct': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/runs/${f.run}/correct`,
    payload: { reason: 'x' },
  })),
  'GET /api/plans/:id/runs/compare': scopedForOtherUnits((f) => ({
    url: `/api/plans/${f.plan}/runs/compare?from=${f.run}&to=${f.run}`,
  })),
  'GET /api/plans/:id/runs/:runId/publicity': hiddenFromOtherUnits((f) => ({
    url: `/api/plans/${f.plan}/runs/${f.run}/publicity`,
  })),
  // The official document lists every unit: a unit (which sees its own row) may not print it.
  'GET /api/plans/:id/runs/:runId/document': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/runs/${f.run}/document`,
  })),
  // Objections (S13): unit 2 neither sees nor acts on unit 1's; answering and deciding are others' work.
  'POST /api/objections': refusedToBoth((f) => ({
    url: '/api/objections',
    payload: { runId: f.run, unit: 'u1', target: { kind: 'indicator', code: 'I1' }, reason: '有误' },
  })),
  'GET /api/objections': scopedForOtherUnits(() => ({ url: '/api/objections' })),
  'GET /api/objections/:id': hiddenFromOtherUnits((f) => ({ url: `/api/objections/${f.objection1}` })),
  'POST /api/objections/:id/answer': refusedToBoth((f) => ({
    url: `/api/objections/${f.objection1}/answer`,
    payload: { version: 1, answer: { verdict: 'reject', explanation: 'x' } },
  })),
  'POST /api/objections/:id/respond': hiddenFromOtherUnits((f) => ({
    url: `/api/objections/${f.objection1}/respond`,
    payload: { version: 1, action: 'accept' },
  })),
  'POST /api/objections/:id/decide': refusedToBoth((f) => ({
    url: `/api/objections/${f.objection1}/decide`,
    payload: { version: 1, decision: { verdict: 'reject', explanation: 'x' } },
  })),
  'POST /api/objections/:id/withdraw': hiddenFromOtherUnits((f) => ({
    url: `/api/objections/${f.objection1}/withdraw`,
    payload: { version: 1 },
  })),
  'POST /api/objections/:id/evidence': hiddenFromOtherUnits((f) => ({
    url: `/api/objections/${f.objection1}/evidence`,
  })),
  'GET /api/plans/:id/runs/:runId/input': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/runs/${f.run}/input`,
  })),
  'GET /api/plans/:id/results/export': scopedForOtherUnits((f) => ({
    url: `/api/plans/${f.plan}/results/export?period=2026-Y`,
  })),
  'GET /api/plans/:id/results/:unit/trace': hiddenFromOtherUnits((f) => ({
    url: `/api/plans/${f.plan}/results/u1/trace?period=2026-Y`,
  })),
  // 结果运用 and the archive (issue 11 points 5, 7): another unit sees its own lines, not unit 1's archive.
  'GET /api/plans/:id/runs/:runId/consequences': scopedForOtherUnits((f) => ({
    url: `/api/plans/${f.plan}/runs/${f.run}/consequences`,
  })),
  'GET /api/plans/:id/runs/:runId/consequences.xlsx': scopedForOtherUnits((f) => ({
    url: `/api/plans/${f.plan}/runs/${f.run}/consequences.xlsx`,
  })),
  'GET /api/archive/units/:code': hiddenFromOtherUnits(() => ({ url: '/api/archive/units/u1' })),
  // A unit gets its own scorecard only (unit 1's is not found for unit 2).
  'GET /api/plans/:id/runs/:runId/units/:unit/scorecard.pdf': hiddenFromOtherUnits((f) => ({
    url: `/api/plans/${f.plan}/runs/${f.run}/units/u1/scorecard.pdf`,
  })),
  // Jobs: the kind authorises the start (the office), the owner check every read.
  'POST /api/jobs': refusedToBoth((f) => ({
    url: '/api/jobs',
    payload: { kind: 'scorecards', params: { planId: f.plan, runId: f.run } },
  })),
  'GET /api/jobs': openToBoth(() => ({ url: '/api/jobs?mine=1' })),
  'GET /api/jobs/:id': refusedToBoth((f) => ({ url: `/api/jobs/${f.job1}` })),
  'GET /api/jobs/:id/file': refusedToBoth((f) => ({ url: `/api/jobs/${f.job1}/file` })),
  'GET /api/notifications': openToBoth(() => ({ url: '/api/notifications' })),
  'GET /api/notifications/counts': openToBoth(() => ({ url: '/api/notifications/counts' })),
  'POST /api/notifications/:id/read': notFoundToBoth((f) => ({
    url: `/api/notifications/${f.notification1}/read`,
  })),
  'POST /api/notifications/read-all': openToBoth(() => ({ url: '/api/notifications/read-all' })),
  'POST /api/notifications/:id/done': notFoundToBoth((f) => ({
    url: `/api/notifications/${f.notification1}/done`,
  })),
  // Periods (taskbooks part of issue 4): the calendar is read with the plan; the office manages it.
  'GET /api/plans/:id/periods': hiddenFromOtherUnits((f) => ({ url: `/api/plans/${f.otherPlan}/periods` })),
  'POST /api/plans/:id/periods/generate': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/periods/generate`,
    payload: {},
  })),
  'PATCH /api/period-windows/:id': refusedToBoth(() => ({
    url: '/api/period-windows/1',
    payload: { closed: true, version: 1 },
  })),
  'POST /api/period-windows/:id/reopenings': refusedToBoth((f) => ({
    url: '/api/period-windows/1/reopenings',
    payload: { unitId: f.unit1, reason: 'x', until: '2030-01-01T00:00:00Z' },
  })),
  // Supervision items, progress, notices, announcements (issue 4: notices part).
  // The supervision system's endpoint has no session: without a bearer token it is 401 for anyone.
  'POST /api/integrations/supervision-items': unauthenticatedToBoth((f) => ({
    url: '/api/integrations/supervision-items',
    payload: { planId: f.plan, source: 'x', items: [] },
  })),
  'POST /api/supervision-items/import': refusedToBoth((f) => ({
    url: `/api/supervision-items/import?planId=${f.plan}`,
  })),
  'GET /api/supervision-items': refusedToBoth((f) => ({ url: `/api/supervision-items?planId=${f.plan}` })),
  'GET /api/api-tokens': refusedToBoth(() => ({ url: '/api/api-tokens' })),
  'POST /api/api-tokens': refusedToBoth(() => ({ url: '/api/api-tokens', payload: { name: 'rogue' } })),
  'POST /api/api-tokens/:id/revoke': refusedToBoth((f) => ({ url: `/api/api-tokens/${f.token1}/revoke` })),
  'GET /api/progress/:planId': refusedToBoth((f) => ({ url: `/api/progress/${f.plan}?period=2026-M06` })),
  'GET /api/bulletins/:planId': refusedToBoth((f) => ({ url: `/api/bulletins/${f.plan}?quarter=2026-Q2` })),
  // Lists are filtered to what the reader may see (the observer: what it filed).
  'GET /api/notices': openToBoth(() => ({ url: '/api/notices' })),
  'GET /api/notices/:id': notFoundToBoth((f) => ({ url: `/api/notices/${f.notice1}` })),
  'POST /api/notices': refusedToBoth((f) => ({
    url: '/api/notices',
    payload: {
      planId: f.plan,
      unitId: f.unit1,
      indicator: 'I1',
      title: 't',
      body: 'b',
      dueDate: '2026-07-01',
    },
  })),
  'POST /api/observations': refusedToBoth((f) => ({
    url: '/api/observations',
    payload: { unitId: f.unit1, title: 't', body: 'b' },
  })),
  'POST /api/notices/reminders/run': refusedToBoth((f) => ({
    url: '/api/notices/reminders/run',
    payload: { planId: f.plan, period: '2026-M06' },
  })),
  'POST /api/notices/:id/route': refusedToBoth((f) => ({
    url: `/api/notices/${f.notice1}/route`,
    payload: { version: 1 },
  })),
  'POST /api/notices/:id/acknowledge': hiddenFromOtherUnits((f) => ({
    url: `/api/notices/${f.notice1}/acknowledge`,
    payload: { version: 1 },
  })),
  'POST /api/notices/:id/answer': hiddenFromOtherUnits((f) => ({
    url: `/api/notices/${f.notice1}/answer`,
    payload: { version: 1, answer: 'x' },
  })),
  'POST /api/notices/:id/close': refusedToBoth((f) => ({
    url: `/api/notices/${f.notice1}/close`,
    payload: { version: 1 },
  })),
  'POST /api/notices/:id/escalate': refusedToBoth((f) => ({
    url: `/api/notices/${f.notice1}/escalate`,
    payload: { version: 1, reason: 'x' },
  })),
  'GET /api/announcements': openToBoth(() => ({ url: '/api/announcements' })),
  'POST /api/announcements': refusedToBoth(() => ({
    url: '/api/announcements',
    payload: { title: 't', body: 'b' },
  })),
  // Data submission, verification and live scores (issue 4 items 3, 4, 7).
  'GET /api/submissions': scopedForOtherUnits((f) => ({
    url: `/api/submissions?planId=${f.plan}&period=2026-M03`,
  })),
  'POST /api/submissions': hiddenFromOtherUnits((f) => ({
    url: '/api/submissions',
    payload: { planId: f.plan, unitId: f.unit1, indicator: 'I2', period: '2026-M03', value: 1 },
  })),
  'GET /api/submissions/:id': hiddenFromOtherUnits((f) => ({ url: `/api/submissions/${f.submission1}` })),
  'PUT /api/submissions/:id': hiddenFromOtherUnits((f) => ({
    url: `/api/submissions/${f.submission1}`,
    payload: { value: 1, reason: 'x', version: 1 },
  })),
  'GET /api/submissions/template': scopedForOtherUnits((f) => ({
    url: `/api/submissions/template?planId=${f.plan}&period=2026-M03`,
  })),
  // No file: refused before anything is read (only the caller's own rows are ever accepted).
  'POST /api/submissions/upload': {
    call: (f) => ({ url: `/api/submissions/upload?planId=${f.plan}&period=2026-M03` }),
    otherUnit: 400,
    lacking: 403,
  },
  'POST /api/submissions/:id/evidence': hiddenFromOtherUnits((f) => ({
    url: `/api/submissions/${f.submission1}/evidence`,
  })),
  'GET /api/evidence/:id': hiddenFromOtherUnits((f) => ({ url: `/api/evidence/${f.evidence1}` })),
  'GET /api/verification/queue': refusedToBoth((f) => ({ url: `/api/verification/queue?planId=${f.plan}` })),
  'POST /api/verifications': refusedToBoth((f) => ({
    url: '/api/verifications',
    payload: { submissionId: f.submission1, method: 'on_site', result: 'pass', version: 1 },
  })),
  'POST /api/verifications/:id/evidence': refusedToBoth((f) => ({
    url: `/api/verifications/${f.verification1}/evidence`,
  })),
  'GET /api/verification/counts': refusedToBoth((f) => ({
    url: `/api/verification/counts?planId=${f.plan}`,
  })),
  'GET /api/verification/samples': refusedToBoth((f) => ({
    url: `/api/verification/samples?planId=${f.plan}`,
  })),
  'POST /api/verification/samples': refusedToBoth((f) => ({
    url: '/api/verification/samples',
    payload: { planId: f.plan, period: '2026-M03', size: 1, seed: 's' },
  })),
  // Another unit sees live scores filtered to its own row.
  'GET /api/live/:planId': scopedForOtherUnits((f) => ({ url: `/api/live/${f.plan}?period=2026-Y` })),
  'POST /api/live/:planId/half-year': refusedToBoth((f) => ({ url: `/api/live/${f.plan}/half-year` })),
  // The cockpit (issue 13): the office, leaders and observers only; a unit reads its own unit view.
  'GET /api/cockpit/:planId': refusedToBoth((f) => ({ url: `/api/cockpit/${f.plan}?period=2026-Y` })),
  'GET /api/cockpit/:planId/unit/:unitId': hiddenFromOtherUnits((f) => ({
    url: `/api/cockpit/${f.plan}/unit/${f.unit1}?period=2026-Y`,
  })),
  // The cockpit map and the large screen's kiosk links (issue 13 points 2, 4): the map is read as
  // the cockpit is; loading one and the links are the office's. The screen takes a kiosk token only.
  'GET /api/cockpit/:planId/map': refusedToBoth((f) => ({ url: `/api/cockpit/${f.plan}/map?period=2026-Y` })),
  'PUT /api/cockpit/:planId/map': refusedToBoth((f) => ({
    url: `/api/cockpit/${f.plan}/map`,
    payload: { name: '图', codeProperty: 'code', geojson: { type: 'FeatureCollection', features: [] } },
  })),
  'DELETE /api/cockpit/:planId/map': refusedToBoth((f) => ({ url: `/api/cockpit/${f.plan}/map` })),
  'GET /api/cockpit/:planId/kiosk-links': refusedToBoth((f) => ({
    url: `/api/cockpit/${f.plan}/kiosk-links`,
  })),
  'POST /api/cockpit/:planId/kiosk-links': refusedToBoth((f) => ({
    url: `/api/cockpit/${f.plan}/kiosk-links`,
    payload: { label: '大屏', period: '2026-Y' },
  })),
  'POST /api/kiosk-links/:id/revoke': refusedToBoth((f) => ({
    url: `/api/kiosk-links/${f.kiosk1.id}/revoke`,
  })),
  'GET /api/kiosk/screen': unauthenticatedToBoth(() => ({ url: '/api/kiosk/screen' })),
  // Task books: another unit's book is not found; observers have no task-book functions.
  'GET /api/plans/:id/task-books': hiddenFromOtherUnits((f) => ({
    url: `/api/plans/${f.otherPlan}/task-books`,
  })),
  'POST /api/plans/:id/task-books': hiddenFromOtherUnits((f) => ({
    url: `/api/plans/${f.plan}/task-books`,
    payload: { unitId: f.unit1 },
  })),
  'GET /api/task-books/:id': hiddenFromOtherUnits((f) => ({ url: `/api/task-books/${f.taskBook1}` })),
  'PUT /api/task-books/:id/targets': hiddenFromOtherUnits((f) => ({
    url: `/api/task-books/${f.taskBook1}/targets`,
    payload: { version: 1, targets: [{ indicator: 'I1', target: 1 }] },
  })),
  'POST /api/task-books/:id/transitions': hiddenFromOtherUnits((f) => ({
    url: `/api/task-books/${f.taskBook1}/transitions`,
    payload: { action: 'submit', version: 1 },
  })),
  'GET /api/task-books/:id/revisions': hiddenFromOtherUnits((f) => ({
    url: `/api/task-books/${f.taskBook1}/revisions`,
  })),
  'POST /api/task-books/:id/change-requests': hiddenFromOtherUnits((f) => ({
    url: `/api/task-books/${f.taskBook1}/change-requests`,
    payload: { reason: 'x', targets: [{ indicator: 'I1', target: 1 }] },
  })),
  'GET /api/task-change-requests': scopedForOtherUnits(() => ({ url: '/api/task-change-requests' })),
  'POST /api/task-change-requests/:id/decision': refusedToBoth(() => ({
    url: '/api/task-change-requests/1/decision',
    payload: { approve: true, version: 1 },
  })),
  'GET /api/task-books/:id/decomposition/:indicator': hiddenFromOtherUnits((f) => ({
    url: `/api/task-books/${f.taskBook1}/decomposition/I1`,
  })),
  'PUT /api/task-books/:id/decomposition/:indicator': hiddenFromOtherUnits((f) => ({
    url: `/api/task-books/${f.taskBook1}/decomposition/I1`,
    payload: { stamp: 'empty', parts: [] },
  })),
  // Events (issue 8 point 2): units read (their own and approved bonuses); recording, deciding and
  // withdrawing are the office's and lead departments' functions.
  'GET /api/events': scopedForOtherUnits((f) => ({ url: `/api/events?planId=${f.plan}` })),
  'POST /api/events': refusedToBoth((f) => ({
    url: '/api/events',
    payload: {
      planId: f.plan,
      period: '2026-M03',
      unitId: f.unit1,
      kind: 'deduction',
      points: 1,
      reason: 'x',
    },
  })),
  'POST /api/events/:id/decision': refusedToBoth(() => ({
    url: '/api/events/1/decision',
    payload: { decision: 'approve', version: 1 },
  })),
  'POST /api/events/:id/withdraw': refusedToBoth(() => ({
    url: '/api/events/1/withdraw',
    payload: { reason: 'x', version: 1 },
  })),
  'POST /api/events/:id/evidence': refusedToBoth(() => ({ url: '/api/events/1/evidence' })),
  // Data import (issue 8 point 3): the office's function only.
  'POST /api/plans/:id/imports/preview': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/imports/preview?period=2026-M03`,
  })),
  'POST /api/plans/:id/imports': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/imports?period=2026-M03`,
  })),
  'GET /api/plans/:id/imports': refusedToBoth((f) => ({ url: `/api/plans/${f.plan}/imports` })),
  'GET /api/plans/:id/imports/template': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/imports/template?period=2026-M03`,
  })),
  // Hotline work orders (issue 10 point 8): the office's function; the feeds are read with the plan.
  'POST /api/integrations/hotline-stats': unauthenticatedToBoth((f) => ({
    url: '/api/integrations/hotline-stats',
    payload: { planId: f.plan, period: '2026-M03', rows: [] },
  })),
  'POST /api/plans/:id/hotline/preview': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/hotline/preview?period=2026-M03`,
  })),
  'POST /api/plans/:id/hotline': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/hotline?period=2026-M03`,
  })),
  'GET /api/plans/:id/hotline': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/hotline?period=2026-M03`,
  })),
  'GET /api/plans/:id/hotline/feeds': hiddenFromOtherUnits((f) => ({
    url: `/api/plans/${f.otherPlan}/hotline/feeds`,
  })),
  'PUT /api/plans/:id/hotline/feeds': refusedToBoth((f) => ({
    url: `/api/plans/${f.plan}/hotline/feeds`,
    payload: { feeds: [] },
  })),
  // Satisfaction evaluation (issue 10): the office manages campaigns; leaders read them; units do neither.
  'GET /api/questionnaires': refusedToBoth(() => ({ url: '/api/questionnaires' })),
  'POST /api/questionnaires': refusedToBoth(() => ({
    url: '/api/questionnaires',
    payload: { name: 'x', questions: [{ id: 'q', type: 'text', title: 't' }] },
  })),
  'GET /api/questionnaires/:id': refusedToBoth(() => ({ url: '/api/questionnaires/1' })),
  'POST /api/questionnaires/:id/versions': refusedToBoth(() => ({
    url: '/api/questionnaires/1/versions',
    payload: { name: 'x', questions: [{ id: 'q', type: 'text', title: 't' }] },
  })),
  'GET /api/survey-campaigns': refusedToBoth((f) => ({ url: `/api/survey-campaigns?planId=${f.plan}` })),
  'POST /api/survey-campaigns': refusedToBoth(() => ({ url: '/api/survey-campaigns', payload: {} })),
  'GET /api/survey-campaigns/:id': refusedToBoth(() => ({ url: '/api/survey-campaigns/1' })),
  'PUT /api/survey-campaigns/:id': refusedToBoth(() => ({ url: '/api/survey-campaigns/1', payload: {} })),
  'POST /api/survey-campaigns/:id/transitions': refusedToBoth(() => ({
    url: '/api/survey-campaigns/1/transitions',
    payload: { action: 'open', version: 1 },
  })),
  'POST /api/survey-campaigns/:id/codes': refusedToBoth(() => ({
    url: '/api/survey-campaigns/1/codes',
    payload: { groupId: 1, count: 1 },
  })),
  'GET /api/survey-campaigns/:id/results': refusedToBoth(() => ({ url: '/api/survey-campaigns/1/results' })),
  'GET /api/survey-campaigns/:id/voters': refusedToBoth(() => ({ url: '/api/survey-campaigns/1/voters' })),
  'GET /api/survey-campaigns/:id/progress': refusedToBoth(() => ({
    url: '/api/survey-campaigns/1/progress',
  })),
  // The ballot is public: an unknown code is 404 for everyone.
  'POST /api/ballot/open': notFoundToBoth(() => ({
    url: '/api/ballot/open',
    payload: { code: 'AAAA-BBBB-CCCC-DDDD' },
  })),
  'POST /api/ballot': notFoundToBoth(() => ({
    url: '/api/ballot',
    payload: { code: 'AAAA-BBBB-CCCC-DDDD', answers: {} },
  })),
  // The e-poll is public too: a captcha for anyone; no poll group 1; no ballot without a device cookie.
  'GET /api/poll/captcha': openToBoth(() => ({ url: '/api/poll/captcha' })),
  'GET /api/poll/:groupId': notFoundToBoth(() => ({ url: '/api/poll/1' })),
  'POST /api/poll/:groupId': invalidToBoth(() => ({
    url: '/api/poll/1',
    payload: { answers: {}, captcha: { token: 'x', answer: '1' } },
  })),
  // The public results page: the list for anyone; a run not made public is 404 for everyone.
  'GET /api/public/results': openToBoth(() => ({ url: '/api/public/results' })),
  'GET /api/public/results/:runId': notFoundToBoth((f) => ({ url: `/api/public/results/${f.run}` })),
  // Paper entry (Z3): surveyors and the office; units never.
  'GET /api/paper-campaigns': refusedToBoth(() => ({ url: '/api/paper-campaigns' })),
  'GET /api/paper-batches': refusedToBoth(() => ({ url: '/api/paper-batches?campaignId=1' })),
  'POST /api/paper-batches': refusedToBoth(() => ({
    url: '/api/paper-batches',
    payload: { campaignId: 1, groupId: 1, surveyPoint: 'x' },
  })),
  'GET /api/paper-batches/:id': refusedToBoth(() => ({ url: '/api/paper-batches/1' })),
  'PUT /api/paper-batches/:id/sheets/:seq': refusedToBoth(() => ({
    url: '/api/paper-batches/1/sheets/1',
    payload: { pass: 'first', answers: {} },
  })),
  'POST /api/paper-batches/:id/sheets/:seq/resolve': refusedToBoth(() => ({
    url: '/api/paper-batches/1/sheets/1/resolve',
    payload: { answers: {} },
  })),
  'POST /api/paper-batches/:id/import': refusedToBoth(() => ({ url: '/api/paper-batches/1/import' })),
  'POST /api/paper-batches/:id/count': refusedToBoth(() => ({
    url: '/api/paper-batches/1/count',
    payload: { version: 1 },
  })),
  // Comments (H9): a unit sees those sent to it (none here), the office all; others are refused.
  'GET /api/survey-comments': scopedForOtherUnits(() => ({ url: '/api/survey-comments' })),
  'GET /api/survey-comments/export': scopedForOtherUnits(() => ({ url: '/api/survey-comments/export' })),
  'GET /api/survey-comments/stats': refusedToBoth(() => ({ url: '/api/survey-comments/stats' })),
  'POST /api/survey-comments': refusedToBoth(() => ({ url: '/api/survey-comments', payload: { text: 'x' } })),
  'POST /api/survey-comments/:id/steps': hiddenFromOtherUnits(() => ({
    url: '/api/survey-comments/1/steps',
    payload: { action: 'answer', answer: 'x', version: 1 },
  })),
  'GET /api/comment-topics': refusedToBoth(() => ({ url: '/api/comment-topics' })),
  'PUT /api/comment-topics': refusedToBoth(() => ({ url: '/api/comment-topics', payload: [] })),
  'GET /api/rectifications': scopedForOtherUnits(() => ({ url: '/api/rectifications' })),
  'GET /api/rectifications/:id': hiddenFromOtherUnits((f) => ({ url: `/api/rectifications/${f.task1}` })),
  'POST /api/rectifications': refusedToBoth((f) => ({
    url: '/api/rectifications',
    payload: { source: { kind: 'manual' }, unitId: f.unit1, title: 'x', deadline: '2026-12-31' },
  })),
  'POST /api/rectifications/from-run': refusedToBoth((f) => ({
    url: '/api/rectifications/from-run',
    payload: { runId: f.run, minLostShare: 0.1, deadline: '2026-12-31' },
  })),
  'POST /api/rectifications/remind-overdue': refusedToBoth(() => ({
    url: '/api/rectifications/remind-overdue',
  })),
  'POST /api/rectifications/:id/steps': hiddenFromOtherUnits((f) => ({
    url: `/api/rectifications/${f.task1}/steps`,
    payload: { action: 'report', percent: 50, text: 'x', version: 1 },
  })),
  'POST /api/rectifications/:id/evidence': hiddenFromOtherUnits((f) => ({
    url: `/api/rectifications/${f.task1}/evidence`,
  })),
  'GET /api/rating-rounds': scopedForOtherUnits(() => ({ url: '/api/rating-rounds' })),
  'GET /api/rating-rounds/:id': scopedForOtherUnits((f) => ({ url: `/api/rating-rounds/${f.round1}` })),
  'POST /api/rating-rounds': refusedToBoth((f) => ({
    url: '/api/rating-rounds',
    payload: { systemId: f.system, year: 2030 },
  })),
  'POST /api/rating-rounds/:id/close': refusedToBoth((f) => ({
    url: `/api/rating-rounds/${f.round1}/close`,
    payload: { version: 1 },
  })),
  // Unit 2 may rate, but not itself (400); the observer may not rate (403).
  'PUT /api/rating-rounds/:id/ratings/:departmentId': answers(
    400,
    403,
  )((f) => ({
    url: `/api/rating-rounds/${f.round1}/ratings/${f.unit2}`,
    payload: { method: 90, procedure: 90, discipline: 90, fairness: 90 },
  })),
  'GET /api/rating-rounds/:id/ratings': refusedToBoth((f) => ({
    url: `/api/rating-rounds/${f.round1}/ratings`,
  })),
  'GET /api/lead-departments': scopedForOtherUnits((f) => ({
    url: `/api/lead-departments?systemId=${f.system}`,
  })),
  'GET /api/innovation/calls': scopedForOtherUnits(() => ({ url: '/api/innovation/calls' })),
  'GET /api/innovation/calls/:id': scopedForOtherUnits((f) => ({ url: `/api/innovation/calls/${f.call1}` })),
  'POST /api/innovation/calls': refusedToBoth(() => ({
    url: '/api/innovation/calls',
    payload: { year: 2031, title: 'x', deadline: '2031-05-31' },
  })),
  'PATCH /api/innovation/calls/:id': refusedToBoth((f) => ({
    url: `/api/innovation/calls/${f.call1}`,
    payload: { title: 'x', version: 1 },
  })),
  'POST /api/innovation/calls/:id/steps': refusedToBoth((f) => ({
    url: `/api/innovation/calls/${f.call1}/steps`,
    payload: { action: 'close', version: 1 },
  })),
  // Unit 2 sees its own projects of the call (none).
  'GET /api/innovation/calls/:id/projects': scopedForOtherUnits((f) => ({
    url: `/api/innovation/calls/${f.call1}/projects`,
  })),
  'POST /api/innovation/calls/:id/projects': hiddenFromOtherUnits((f) => ({
    url: `/api/innovation/calls/${f.call1}/projects`,
    payload: { unitId: f.unit1, category: 'economy', title: 'x', summary: 'x', results: '' },
  })),
  'GET /api/innovation/projects/:id': notFoundToBoth((f) => ({
    url: `/api/innovation/projects/${f.project1}`,
  })),
  'PATCH /api/innovation/projects/:id': hiddenFromOtherUnits((f) => ({
    url: `/api/innovation/projects/${f.project1}`,
    payload: { title: 'x', version: 1 },
  })),
  'POST /api/innovation/projects/:id/attachments': hiddenFromOtherUnits((f) => ({
    url: `/api/innovation/projects/${f.project1}/attachments`,
  })),
  'GET /api/innovation/my-projects': refusedToBoth(() => ({ url: '/api/innovation/my-projects' })),
  'GET /api/innovation/experts': refusedToBoth(() => ({ url: '/api/innovation/experts' })),
  'POST /api/innovation/experts': refusedToBoth(() => ({
    url: '/api/innovation/experts',
    payload: { name: 'x', affiliation: 'other', organisation: 'y' },
  })),
  'PATCH /api/innovation/experts/:id': refusedToBoth((f) => ({
    url: `/api/innovation/experts/${f.expert1}`,
    payload: { available: false, version: 1 },
  })),
  'POST /api/innovation/experts/import/preview': refusedToBoth(() => ({
    url: '/api/innovation/experts/import/preview',
  })),
  'POST /api/innovation/experts/import': refusedToBoth(() => ({ url: '/api/innovation/experts/import' })),
  'GET /api/innovation/calls/:id/assignments': refusedToBoth((f) => ({
    url: `/api/innovation/calls/${f.call1}/assignments`,
  })),
  'POST /api/innovation/calls/:id/assignments/auto': refusedToBoth((f) => ({
    url: `/api/innovation/calls/${f.call1}/assignments/auto`,
    payload: { mode: 'perProject', n: 1 },
  })),
  'POST /api/innovation/calls/:id/assignments': refusedToBoth((f) => ({
    url: `/api/innovation/calls/${f.call1}/assignments`,
    payload: { projectId: f.project1, expertId: f.expert1, reason: 'x' },
  })),
  'POST /api/innovation/assignments/:id/remove': refusedToBoth((f) => ({
    url: `/api/innovation/assignments/${f.assignment1}/remove`,
    payload: { reason: 'x' },
  })),
  // Scoring (issue 12 points 4–5): settings and results for the office (units read them), sheets
  // for judges, sessions driven by the office or their chair.
  'GET /api/innovation/calls/:id/scoring': scopedForOtherUnits((f) => ({
    url: `/api/innovation/calls/${f.call1}/scoring`,
  })),
  'PUT /api/innovation/calls/:id/scoring': refusedToBoth((f) => ({
    url: `/api/innovation/calls/${f.call1}/scoring`,
    payload: { version: 1 },
  })),
  'GET /api/innovation/calls/:id/judging': refusedToBoth((f) => ({
    url: `/api/innovation/calls/${f.call1}/judging`,
  })),
  'PUT /api/innovation/projects/:id/sheet': refusedToBoth((f) => ({
    url: `/api/innovation/projects/${f.project1}/sheet`,
    payload: { scores: { novelty: 1, effect: 1, reach: 1 } },
  })),
  'POST /api/innovation/projects/:id/close': refusedToBoth((f) => ({
    url: `/api/innovation/projects/${f.project1}/close`,
    payload: {},
  })),
  'GET /api/innovation/calls/:id/sessions': scopedForOtherUnits((f) => ({
    url: `/api/innovation/calls/${f.call1}/sessions`,
  })),
  'POST /api/innovation/calls/:id/sessions': refusedToBoth((f) => ({
    url: `/api/innovation/calls/${f.call1}/sessions`,
    payload: { title: 'x' },
  })),
  'PATCH /api/innovation/sessions/:id': refusedToBoth((f) => ({
    url: `/api/innovation/sessions/${f.session1}`,
    payload: { title: 'x', version: 1 },
  })),
  // A public defence: units see the order and timer (their own projects' scores only); whoever
  // neither reads innovation projects nor judges the session finds no session.
  'GET /api/innovation/sessions/:id/board': answers(
    200,
    404,
  )((f) => ({ url: `/api/innovation/sessions/${f.session1}/board` })),
  'POST /api/innovation/sessions/:id/steps': refusedToBoth((f) => ({
    url: `/api/innovation/sessions/${f.session1}/steps`,
    payload: { projectId: f.project1, action: 'present', version: 1 },
  })),
  'POST /api/innovation/calls/:id/results': refusedToBoth((f) => ({
    url: `/api/innovation/calls/${f.call1}/results`,
  })),
  // No results computed yet: not found for a unit that may read them.
  'GET /api/innovation/calls/:id/results': answers(
    404,
    403,
  )((f) => ({ url: `/api/innovation/calls/${f.call1}/results` })),
  'POST /api/innovation/calls/:id/results/apply': refusedToBoth((f) => ({
    url: `/api/innovation/calls/${f.call1}/results/apply`,
    payload: { version: 1 },
  })),
  // The year-end review (S11): the office assigns; experts ask the units assigned to them; units answer their own.
  'GET /api/inquiry-assignments': scopedForOtherUnits(() => ({ url: '/api/inquiry-assignments' })),
  'GET /api/inquiry-assignments/experts': refusedToBoth(() => ({ url: '/api/inquiry-assignments/experts' })),
  'POST /api/inquiry-assignments': refusedToBoth((f) => ({
    url: '/api/inquiry-assignments',
    payload: { planId: f.plan, expertUserId: f.reviewer, unitIds: [f.unit1] },
  })),
  'DELETE /api/inquiry-assignments/:id': refusedToBoth((f) => ({
    url: `/api/inquiry-assignments/${f.review1}`,
  })),
  'GET /api/inquiry-assignments/:id/review': hiddenFromOtherUnits((f) => ({
    url: `/api/inquiry-assignments/${f.review1}/review`,
  })),
  'GET /api/inquiries': scopedForOtherUnits(() => ({ url: '/api/inquiries' })),
  'GET /api/inquiries/:id': hiddenFromOtherUnits((f) => ({ url: `/api/inquiries/${f.inquiry1}` })),
  'POST /api/inquiries': refusedToBoth((f) => ({
    url: '/api/inquiries',
    payload: { assignmentId: f.review1, question: '?', deadline: '2026-12-31' },
  })),
  'POST /api/inquiries/:id/answer': hiddenFromOtherUnits((f) => ({
    url: `/api/inquiries/${f.inquiry1}/answer`,
    payload: { answer: 'x', version: 1 },
  })),
  'POST /api/inquiries/:id/evidence': hiddenFromOtherUnits((f) => ({
    url: `/api/inquiries/${f.inquiry1}/evidence`,
  })),
  'POST /api/inquiries/:id/close': refusedToBoth((f) => ({
    url: `/api/inquiries/${f.inquiry1}/close`,
    payload: { version: 1 },
  })),
  'POST /api/inquiries/penalise-overdue': refusedToBoth((f) => ({
    url: '/api/inquiries/penalise-overdue',
    payload: { planId: f.plan },
  })),
  'GET /api/audit-events': refusedToBoth(() => ({ url: '/api/audit-events' })),
  'GET /api/audit-events/verify': refusedToBoth(() => ({ url: '/api/audit-events/verify' })),
};

/** Routes whose "lacking" actor holds no grant at all, because every role may read them. */
const readRoutes = new Set([
  // Observers file observations: the account lacking it has no grant.
  'POST /api/observations',
  'GET /api/org-nodes',
  'GET /api/org-nodes/:id',
  'GET /api/systems',
  'GET /api/categories',
  'GET /api/groups',
  'GET /api/staff',
  'GET /api/plan-templates',
  'GET /api/plans',
  'GET /api/plans/:id',
  'GET /api/plans/:id/revisions',
  'GET /api/plans/:id/diff',
  'GET /api/plans/:id/export',
  'GET /api/plans/:id/runs',
  'GET /api/plans/:id/results',
  'GET /api/plans/:id/results/export',
  'GET /api/plans/:id/results/:unit/trace',
  'GET /api/plans/:id/runs/:runId/units/:unit/scorecard.pdf',
  'GET /api/plans/:id/runs/compare',
  'GET /api/plans/:id/runs/:runId/publicity',
  'GET /api/plans/:id/runs/:runId/consequences',
  'GET /api/plans/:id/runs/:runId/consequences.xlsx',
  'GET /api/archive/units/:code',
  'GET /api/plans/:id/runs/:runId/document',
  'GET /api/objections',
  'GET /api/objections/:id',
  'GET /api/plans/:id/periods',
  'GET /api/plans/:id/hotline/feeds',
  'GET /api/live/:planId',
  'GET /api/cockpit/:planId',
  'GET /api/cockpit/:planId/unit/:unitId',
  'GET /api/cockpit/:planId/map',
]);

/**
 * An expert holding an indicators grant for I1 (read-only), on the routes its role may call: the
 * tree and the plans, and unit 1's value of I1 with its evidence; results of no unit (403: it may
 * read the plan, not its results). Every other route must answer 403 to it.
 */
const expertReads: Record<string, number> = {
  'GET /api/org-nodes': 200,
  'GET /api/org-nodes/:id': 200,
  'GET /api/systems': 200,
  'GET /api/categories': 200,
  'GET /api/groups': 200,
  'GET /api/staff': 200,
  'GET /api/plan-templates': 200,
  'GET /api/plans': 200,
  'GET /api/plans/:id': 200,
  'GET /api/plans/:id/revisions': 200,
  'GET /api/plans/:id/diff': 200,
  'GET /api/plans/:id/export': 200,
  'GET /api/plans/:id/periods': 200,
  'GET /api/plans/:id/hotline/feeds': 200,
  'GET /api/plans/:id/runs': 403,
  'GET /api/plans/:id/results': 403,
  'GET /api/plans/:id/results/export': 403,
  'GET /api/plans/:id/results/:unit/trace': 403,
  'GET /api/plans/:id/runs/:runId/units/:unit/scorecard.pdf': 403,
  'GET /api/plans/:id/runs/compare': 403,
  'GET /api/plans/:id/runs/:runId/publicity': 403,
  'GET /api/plans/:id/runs/:runId/consequences': 403,
  'GET /api/plans/:id/runs/:runId/consequences.xlsx': 403,
  // The archive names a unit: one whose results the expert may not read is not found.
  'GET /api/archive/units/:code': 404,
  'GET /api/plans/:id/runs/:runId/document': 403,
  // No objection is the expert's: an empty list, and unit 1's is not found.
  'GET /api/objections': 200,
  'GET /api/objections/:id': 404,
  'GET /api/live/:planId': 403,
  'GET /api/cockpit/:planId/unit/:unitId': 403,
  'GET /api/submissions': 200,
  'GET /api/submissions/:id': 200,
  'GET /api/evidence/:id': 200,
  // No innovation project is assigned to this expert: an empty list.
  'GET /api/innovation/my-projects': 200,
  // No expert profile is linked to this account: no call to judge, no project, no session.
  'GET /api/innovation/calls/:id/judging': 404,
  'PUT /api/innovation/projects/:id/sheet': 404,
  'POST /api/innovation/sessions/:id/steps': 404,
  // The year-end review: its lists are filtered to what it was assigned (nothing here); another
  // expert's assignment and inquiry are not found.
  'GET /api/inquiry-assignments': 200,
  'GET /api/inquiry-assignments/:id/review': 404,
  'GET /api/inquiries': 200,
  'GET /api/inquiries/:id': 404,
  'POST /api/inquiries': 404,
  'POST /api/inquiries/:id/close': 404,
};

describe('access control on every route', () => {
  const env = useTestApp();
  let f: Fixture;
  let office: string;

  beforeAll(async () => {
    office = await officeCookie(env);
    const { system, category, group, city, units } = await buildOrg(env, office, {
      u1: '一号局',
      u2: '二号局',
    });
    const { u1: unit1, u2: unit2 } = units;
    const post = async (url: string, payload: object) => (await poster(env, office)(url, payload)).id;
    const section1 = await post('/api/org-nodes', {
      parentId: unit1,
      kind: 'section',
      code: 'u1-s1',
      name: '办公室',
    });
    const staff1 = await post('/api/staff', { orgNodeId: unit1, employeeNo: 'E001', name: '张三' });
    const u1 = await makeUser(
      env,
      'u1filler',
      [{ role: 'unit_filler', scopeType: 'org', orgNodeId: unit1 }],
      unit1,
    );
    const grant1 = (
      await env.database.query<{ id: number }>('select id from grant_ where user_id = $1', [u1.id])
    )[0]!.id;
    const plan = await post('/api/plans', {
      systemId: system,
      year: 2026,
      name: '方案',
      document: tinyPlan(),
    });
    const ok = async (r: { statusCode: number; body: string }) => {
      if (r.statusCode !== 200) throw new Error(r.body);
    };
    const inject = (method: 'POST' | 'PUT', url: string, payload: object) =>
      env.app.inject({ method, url, headers: { cookie: office }, payload });
    await ok(await inject('POST', `/api/plans/${plan}/activate`, { version: 1 }));
    const input = tinyInput('2026-Y', { u1: [90, 100, 40, 50], u2: [100, 100, 50, 50] });
    await fillCycle(env, plan, input);
    const run = (
      (await inject('POST', `/api/plans/${plan}/evaluate`, { period: '2026-Y' })).json() as { id: number }
    ).id;
    await ok(await releaseRun(env, office, plan, run));
    const [objection1] = await env.database.query<{ id: number }>(
      `insert into objection (plan_id, period, run_id, unit_id, unit_code, target, target_label, reason, answer_due)
       values ($1, '2026-Y', $2, $3, 'u1', '{"kind":"indicator","code":"I1"}', 'I1', '有误', '2026-12-31') returning id`,
      [plan, run, unit1],
    );
    const zones = await post('/api/systems', { code: 'zones', name: '开发区' });
    const otherPlan = await post('/api/plans', { systemId: zones, year: 2026, name: '开发区方案' });
    await env.database.db.transaction((tx) =>
      notify(env.deps, tx, { userIds: [u1.id] }, { kind: 'info', title: '通知', body: '正文', todo: true }),
    );
    const notification1 = (
      await env.database.query<{ id: number }>('select id from notification where user_id = $1', [u1.id])
    )[0]!.id;
    const [n1] = await env.database.query<{ id: number }>(
      "insert into notice (kind, plan_id, unit_id, indicator, title, body) values ('urging', $1, $2, 'I1', '催办', '请加快') returning id",
      [plan, unit1],
    );
    const token1 = await post('/api/api-tokens', { name: '督查系统' });
    const kiosk1 = (await poster(env, office)(`/api/cockpit/${plan}/kiosk-links`, {
      label: '大厅大屏',
      period: '2026-Y',
    })) as unknown as { id: number; token: string };
    // A value of unit 1 with evidence, verified by the office (submissions, verification).
    const submission1 = await (async () => {
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/submissions',
        headers: { cookie: await signIn(env, 'u1filler') },
        payload: { planId: plan, unitId: unit1, indicator: 'I1', period: '2026-M03', value: 90 },
      });
      if (r.statusCode !== 201) throw new Error(r.body);
      return r.json() as { id: number; version: number };
    })();
    const evidence1 = await env.database.db.transaction(
      async (tx) =>
        (
          await attachEvidence(
            env.deps,
            tx,
            systemCtx,
            { type: 'submission', id: submission1.id },
            { fileName: 'a.pdf', data: Buffer.from('%PDF-1.4 evidence') },
          )
        ).id,
    );
    const verified = await inject('POST', '/api/verifications', {
      submissionId: submission1.id,
      method: 'work_slip',
      result: 'pass',
      version: submission1.version,
    });
    if (verified.statusCode !== 201) throw new Error(verified.body);
    const taskBook1 = (
      await env.database.query<{ id: number }>(
        'insert into task_book (plan_id, unit_id) values ($1, $2) returning id',
        [plan, unit1],
      )
    )[0]!.id;
    const [task1] = await env.database.query<{ id: number }>(
      `insert into rectification_task (unit_id, source_kind, title, weakness_code, weakness_params, deadline, created_by)
       values ($1, 'manual', '整改', 'rectification.weakness.manual', '{}', '2026-12-31', 'office') returning id`,
      [unit1],
    );
    const [round1] = await env.database.query<{ id: number }>(
      `insert into rating_round (system_id, year, status, threshold, rectify_deadline, departments, opened_by)
       values ($1, 2026, 'open', 80, '2027-06-30', $2, 'office') returning id`,
      [
        system,
        JSON.stringify(
          [unit1, unit2].map((id, i) => ({
            unitId: id,
            unitCode: `u${i + 1}`,
            unitName: 'x',
            indicators: [],
          })),
        ),
      ],
    );
    const [job1] = await env.database.query<{ id: number }>(
      `insert into job (kind, params, status, owner_id, created_by)
       select 'scorecards', $1, 'done', id, username from app_user where username = 'office' returning id`,
      [JSON.stringify({ planId: plan, runId: run })],
    );
    const [call1] = await env.database.query<{ id: number }>(
      `insert into innovation_call (year, title, categories, deadline, status, created_by)
       values (2026, '创新项目', '[{"code":"economy","name":"经济发展"}]', '2026-12-31', 'open', 'office') returning id`,
    );
    const [project1] = await env.database.query<{ id: number }>(
      `insert into innovation_project (call_id, unit_id, category, title, summary)
       values ($1, $2, 'economy', '项目', '简介') returning id`,
      [call1!.id, unit1],
    );
    const [expert1] = await env.database.query<{ id: number }>(
      `insert into expert (name, affiliation, organisation, fields) values ('专家', 'university', '大学', '[]') returning id`,
    );
    const [assignment1] = await env.database.query<{ id: number }>(
      `insert into innovation_assignment (project_id, expert_id, how, assigned_by)
       values ($1, $2, 'auto', 'office') returning id`,
      [project1!.id, expert1!.id],
    );
    const [session1] = await env.database.query<{ id: number }>(
      `insert into innovation_session (call_id, title, minutes, created_by) values ($1, '答辩', 8, 'office') returning id`,
      [call1!.id],
    );
    await env.database.query(
      `insert into innovation_stage (project_id, session_id, position, stage) values ($1, $2, 1, 'waiting')`,
      [project1!.id, session1!.id],
    );
    const reviewer = await makeUser(env, 'reviewer', [
      { role: 'expert', scopeType: 'indicators', refs: ['I2'] },
    ]);
    const [review1] = await env.database.query<{ id: number }>(
      'insert into inquiry_assignment (plan_id, year, expert_user_id, unit_id) values ($1, 2026, $2, $3) returning id',
      [plan, reviewer.id, unit1],
    );
    const [inquiry1] = await env.database.query<{ id: number }>(
      `insert into inquiry (plan_id, unit_id, expert_user_id, question, deadline)
       values ($1, $2, $3, '请说明', '2026-12-31') returning id`,
      [plan, unit1, reviewer.id],
    );
    f = {
      call1: call1!.id,
      project1: project1!.id,
      expert1: expert1!.id,
      assignment1: assignment1!.id,
      session1: session1!.id,
      review1: review1!.id,
      inquiry1: inquiry1!.id,
      reviewer: reviewer.id,
      task1: task1!.id,
      round1: round1!.id,
      job1: job1!.id,
      taskBook1,
      submission1: submission1.id,
      evidence1,
      verification1: verified.json().id,
      notice1: n1!.id,
      token1,
      kiosk1,
      notification1,
      city,
      unit1,
      section1,
      unit2,
      staff1,
      user1: u1.id,
      grant1,
      system,
      category,
      group,
      plan,
      run,
      objection1: objection1!.id,
      otherPlan,
    };
    await makeUser(env, 'u2admin', [{ role: 'unit_admin', scopeType: 'org', orgNodeId: unit2 }], unit2);
    await makeUser(env, 'watcher', [{ role: 'observer', scopeType: 'global' }]);
    await makeUser(env, 'nogrant', []);
    await makeUser(env, 'expertI1', [{ role: 'expert', scopeType: 'indicators', refs: ['I1'] }]);
  });

  // Sign in once per user (sign-in is rate limited); routes that end the session get a fresh one.
  const cookies = new Map<string, string>();
  const call = async (method: string, c: Call, username: string | null) => {
    let cookie: string | undefined;
    if (username) {
      if (c.url.startsWith('/api/auth/logout')) cookie = await signIn(env, username);
      else cookie = cookies.get(username) ?? cookies.set(username, await signIn(env, username)).get(username);
    }
    const res = await env.app.inject({
      method: method as 'GET',
      url: c.url,
      headers: cookie ? { cookie } : {},
      payload: c.payload as never,
    });
    return res;
  };

  // Sign-out routes end every session of the user: walk them last.
  const walk = () =>
    [...env.app.routeTable].sort(
      (a, b) => Number(a.url.includes('logout')) - Number(b.url.includes('logout')),
    );

  it('the table covers every registered route', () => {
    const registered = env.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(Object.keys(cases).sort()).toEqual(registered);
  });

  it('a user of another unit gets 404 on objects it does not own', async () => {
    for (const r of walk()) {
      const key = `${r.method} ${r.url}`;
      const c = cases[key]!;
      const res = await call(r.method, c.call(f), 'u2admin');
      expect.soft(res.statusCode, `${key} as another unit's admin: ${res.body}`).toBe(c.otherUnit);
    }
  });

  it('a role that lacks the function gets 403', async () => {
    for (const r of walk()) {
      const key = `${r.method} ${r.url}`;
      const c = cases[key]!;
      const res = await call(r.method, c.call(f), readRoutes.has(key) ? 'nogrant' : 'watcher');
      expect.soft(res.statusCode, `${key} as a role lacking it: ${res.body}`).toBe(c.lacking);
    }
  });

  it('an expert assigned indicator I1 reads only that: 403 on every other function', async () => {
    for (const r of walk()) {
      if (!('permission' in r.access)) continue;
      const key = `${r.method} ${r.url}`;
      const mayCall = rolePermissions.expert.includes(r.access.permission);
      const expected = mayCall ? expertReads[key] : 403;
      expect
        .soft(expected, `${key}: a route the expert role may call needs its status in expertReads`)
        .toBeDefined();
      if (!cases[key]) continue; // reported by the coverage test above
      const res = await call(r.method, cases[key]!.call(f), 'expertI1');
      expect.soft(res.statusCode, `${key} as an expert of I1: ${res.body}`).toBe(expected);
    }
  });

  it('without a session every non-public route is 401', async () => {
    for (const r of walk()) {
      if ('public' in r.access) continue;
      const res = await call(r.method, cases[`${r.method} ${r.url}`]!.call(f), null);
      expect.soft(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('a kiosk token opens the large screen and nothing else: every other route is 401', async () => {
    const bearer = { authorization: `Bearer ${f.kiosk1.token}` };
    for (const r of walk()) {
      const key = `${r.method} ${r.url}`;
      const c = cases[key]!.call(f);
      const res = await env.app.inject({
        method: r.method as 'GET',
        url: c.url,
        headers: bearer,
        payload: c.payload as never,
      });
      const expected = key === 'GET /api/kiosk/screen' ? 200 : 401;
      expect.soft(res.statusCode, `${key} with a kiosk token: ${res.body.slice(0, 200)}`).toBe(expected);
      if (expected === 401)
        expect.soft(res.json().error.details, key).toEqual({ code: 'kiosk.scope', params: {} });
    }
  });

  it('a unit user sees only its own subtree', async () => {
    const filler = await signIn(env, 'u1filler');
    cookies.set('u1filler', filler);
    const nodes = (await env.app.inject({ url: '/api/org-nodes', headers: { cookie: filler } })).json();
    expect(nodes.map((n: { code: string }) => n.code).sort()).toEqual(['u1', 'u1-s1']);
    expect(nodes.find((n: { code: string }) => n.code === 'u1').parentId).toBeNull();
    const users = (
      await env.app.inject({ url: '/api/users', headers: { cookie: await signIn(env, 'u2admin') } })
    ).json();
    expect(users.items.map((u: { username: string }) => u.username)).toEqual(['u2admin']);
  });

  it('nothing was changed by the refused calls', async () => {
    const nodes = (await env.app.inject({ url: '/api/org-nodes', headers: { cookie: office } })).json();
    expect(nodes.map((n: { name: string }) => n.name).sort()).toEqual(
      ['一号局', '二号局', '办公室', '示范市'].sort(),
    );
    const staff = (
      await env.app.inject({ url: `/api/staff?orgNodeId=${f.unit1}`, headers: { cookie: office } })
    ).json();
    expect(staff.map((s: { name: string }) => s.name)).toEqual(['张三']);
  });
});
