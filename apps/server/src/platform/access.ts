import { type Role, roles, type ScopeType, unitRoles } from '@jixiao/contracts';

/** Functions a role may perform. Object ownership is checked separately, against the grant's scope. */
export const permissions = [
  'org.read',
  'org.write',
  'users.read',
  'users.write',
  'audit.read',
  'plans.read',
  'plans.write',
  'results.read',
  'results.compute',
  // The yearly cycle (issue 4).
  'taskbooks.read',
  'taskbooks.edit',
  'taskbooks.confirm',
  'taskbooks.review',
  'taskbooks.issue',
  'periods.manage',
  'submissions.read',
  'submissions.write',
  'submissions.verify',
  'verification.sample',
  'supervision.manage',
  'progress.read',
  'notices.read',
  'notices.issue',
  'notices.answer',
  'observations.file',
  'announcements.publish',
  // The evaluation loop (issue 8).
  'events.read',
  'events.record',
  'events.approve',
  'data.import',
  'results.release',
  // Satisfaction evaluation (issue 10).
  'surveys.read',
  'surveys.manage',
  'surveys.enter',
  // Units answer the comments dispatched to them (H9).
  'comments.answer',
  // Results and their use (issue 11): the leaders approve (审定) and decide escalated objections;
  // units object to their own results; lead departments (and the office) answer.
  'results.approve',
  'objections.file',
  'objections.answer',
  'objections.decide',
  // Rectification (整改) and units rating the lead departments (issue 11, S14): the office manages,
  // units report on their own tasks and rate; leaders read.
  'rectification.read',
  'rectification.manage',
  'rectification.report',
  'rating.read',
  'rating.manage',
  'rating.submit',
  // Innovation projects (issue 12, H10, S11): the office runs calls, the expert pool and the
  // assignment of judges; units submit their own projects; leaders read the pool without contact
  // data; experts read the projects assigned to them.
  'innovation.read',
  'innovation.manage',
  'innovation.apply',
  'innovation.experts',
  'innovation.judge',
  // Drive a defence session (the office, or the expert chairing it: checked per session).
  'innovation.defence',
  // The year-end expert review (S11, issue 12 point 6): the office assigns experts to units and
  // penalises overdue inquiries; experts raise and close inquiries (质询); units answer their own.
  'inquiries.read',
  'inquiries.manage',
  'inquiries.raise',
  'inquiries.answer',
  // The leadership cockpit (issue 13): every unit's live standing of a plan at once — the office,
  // the leaders and the performance observers (units see their own through the unit view).
  'cockpit.read',
  // Load the cockpit's map and manage the large screen's kiosk links (issue 13 points 2 and 4).
  'cockpit.manage',
] as const;
export type Permission = (typeof permissions)[number];

/** What units do themselves (fill in, confirm, answer, file observations) is not the office's work. */
const unitWork: readonly Permission[] = [
  'taskbooks.edit',
  'taskbooks.confirm',
  'submissions.write',
  'notices.answer',
  'observations.file',
  'comments.answer',
  'objections.file',
  'rectification.report',
  'rating.submit',
  'innovation.apply',
  'inquiries.answer',
];
/**
 * What only experts do: judge the innovation projects and question the units assigned to them (the
 * office assigns, it neither judges nor asks).
 */
const expertWork: readonly Permission[] = ['innovation.judge', 'inquiries.raise'];
/** What only the leaders do: approving results is not the office's own step (S13, Z14). */
const leaderWork: readonly Permission[] = ['results.approve', 'objections.decide'];
/** The office (and the system administrator) may do everything else. */
const officeWork: Permission[] = permissions.filter(
  (p) => !unitWork.includes(p) && !leaderWork.includes(p) && !expertWork.includes(p),
);

export const rolePermissions: Record<Role, readonly Permission[]> = {
  system_admin: officeWork,
  office_admin: officeWork,
  leader: [
    'org.read',
    'plans.read',
    'results.read',
    ...leaderWork,
    'surveys.read',
    'events.read',
    'taskbooks.read',
    'submissions.read',
    'progress.read',
    'notices.read',
    'observations.file',
    'rectification.read',
    'rating.read',
    'innovation.read',
    'innovation.experts',
    'inquiries.read',
    'cockpit.read',
  ],
  // Lead departments review task books and verify data of their indicators (Z4, S3).
  assessor: [
    'org.read',
    'plans.read',
    'results.read',
    'taskbooks.read',
    'taskbooks.review',
    'submissions.read',
    'submissions.verify',
    'progress.read',
    'notices.read',
    // Lead departments record vetoes, deductions and bonus proposals for their indicators (W9, S8).
    'events.read',
    'events.record',
    // …and answer objections to them (S13); their department's rating result is theirs to read (S14).
    'objections.answer',
    'rating.read',
  ],
  // Data providers submit other units' values for their indicators (Z4).
  provider: [
    'org.read',
    'plans.read',
    'results.read',
    'submissions.read',
    'submissions.write',
    'notices.read',
  ],
  // Unit roles read their own system's plans and only their own unit's results.
  unit_admin: [
    'org.read',
    'org.write',
    'users.read',
    'users.write',
    'plans.read',
    'results.read',
    'taskbooks.read',
    'taskbooks.edit',
    'taskbooks.confirm',
    'submissions.read',
    'submissions.write',
    'notices.read',
    'notices.answer',
    'events.read',
    'comments.answer',
    'objections.file',
    'rectification.read',
    'rectification.report',
    'rating.read',
    'rating.submit',
    'innovation.read',
    'innovation.apply',
    'inquiries.read',
    'inquiries.answer',
  ],
  unit_filler: [
    'org.read',
    'plans.read',
    'results.read',
    'events.read',
    'taskbooks.read',
    'taskbooks.edit',
    'submissions.read',
    'submissions.write',
    'notices.read',
    'notices.answer',
    'comments.answer',
    'objections.file',
    'rectification.read',
    'rectification.report',
    'innovation.read',
    'innovation.apply',
    'inquiries.read',
    'inquiries.answer',
  ],
  // Experts read only what the office assigned them (until the expert module exists): the values,
  // evidence and plans of the indicators an 'indicators' grant lists, or everything readable of the
  // units an 'org' grant names. Nothing to write, and no unit's results through an indicators grant.
  // Innovation judges read the projects assigned to them (issue 12).
  // In the year-end review they question the units the office assigned them (inquiry_assignment).
  expert: [
    'org.read',
    'plans.read',
    'results.read',
    'submissions.read',
    'innovation.judge',
    'innovation.defence',
    'inquiries.read',
    'inquiries.raise',
  ],
  // Performance observers (Z15) file observations on any unit and follow them.
  observer: ['org.read', 'plans.read', 'results.read', 'notices.read', 'observations.file', 'cockpit.read'],
  // Surveyors (调查员) type in paper questionnaires from their survey points (Z3), nothing else.
  surveyor: ['surveys.enter'],
};

/** Roles a holder may hand out: nobody can create a system administrator but another one. */
export const grantableRoles: Record<Role, readonly Role[]> = {
  system_admin: roles,
  office_admin: roles.filter((r) => r !== 'system_admin'),
  unit_admin: unitRoles,
  leader: [],
  assessor: [],
  provider: [],
  unit_filler: [],
  expert: [],
  observer: [],
  surveyor: [],
};

export interface ActorGrant {
  id: number;
  role: Role;
  scopeType: ScopeType;
  orgNodeId: number | null;
  /** Materialised path of the scope's org node, e.g. "/1/7/". */
  orgPath: string | null;
  orgNodeName: string | null;
  systemId: number | null;
  refs: string[];
}

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  orgNodeId: number | null;
  mustChangePassword: boolean;
  grants: ActorGrant[];
}

export function permissionsOf(actor: Actor): Permission[] {
  const set = new Set<Permission>();
  for (const g of actor.grants) for (const p of rolePermissions[g.role]) set.add(p);
  return [...set].sort();
}

export const hasPermission = (actor: Actor, p: Permission) =>
  actor.grants.some((g) => rolePermissions[g.role].includes(p));

/**
 * The part of the organisation an actor may act on with a permission: everything, or the union of
 * some subtrees (by path prefix) and some evaluation systems.
 */
export type OrgScope = { all: true } | { all: false; paths: string[]; systemIds: number[] };

export function orgScope(actor: Actor, p: Permission): OrgScope {
  const paths: string[] = [];
  const systemIds: number[] = [];
  for (const g of actor.grants) {
    if (!rolePermissions[g.role].includes(p)) continue;
    switch (g.scopeType) {
      case 'global':
        return { all: true };
      case 'org':
        if (g.orgPath) paths.push(g.orgPath);
        break;
      case 'system':
        if (g.systemId) systemIds.push(g.systemId);
        break;
      case 'indicators':
        // Providers and lead departments assess one indicator across all units (Z4, S3): they read the
        // whole tree, the plans and every unit's results. An expert assigned some indicators reads the
        // tree and the plans but no unit's results: those cover every other indicator too.
        if (g.role === 'expert' && (p === 'results.read' || p === 'events.read')) break;
        if (p === 'org.read' || p === 'plans.read' || p === 'results.read' || p === 'events.read')
          return { all: true };
        break;
      case 'objects':
        break;
    }
  }
  return { all: false, paths, systemIds };
}

/** A node as the policy sees it: its path and the systems of itself and its ancestors. */
export interface ScopedNode {
  path: string;
  systemIds: readonly number[];
}

export function inScope(scope: OrgScope, node: ScopedNode): boolean {
  if (scope.all) return true;
  return (
    scope.paths.some((p) => node.path.startsWith(p)) ||
    node.systemIds.some((s) => scope.systemIds.includes(s))
  );
}

/** Whether `actor` may give `grant` to someone: the role must be grantable and the scope within its own. */
export function canGrant(
  actor: Actor,
  grant: { role: Role; scopeType: ScopeType; node: ScopedNode | null; systemId: number | null },
): boolean {
  const holders = actor.grants.filter((g) => grantableRoles[g.role].includes(grant.role));
  if (holders.length === 0) return false;
  const scope = orgScope({ ...actor, grants: holders }, 'users.write');
  if (scope.all) return true;
  if (grant.scopeType === 'org' && grant.node) return inScope(scope, grant.node);
  if (grant.scopeType === 'system' && grant.systemId) return scope.systemIds.includes(grant.systemId);
  return false;
}
