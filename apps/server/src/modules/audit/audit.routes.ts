import { auditList, auditQuery, auditVerifyResult } from '@jixiao/contracts';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import { auditIntegrity, searchAudit } from './audit.service.js';

/** The audit trail and its chain check (the services allow only a global audit grant). */
export const auditRoutes = (deps: Deps) =>
  routes('audit', [
    route({
      method: 'GET',
      url: '/api/audit-events',
      access: 'audit.read',
      query: auditQuery,
      response: auditList,
      handler: (r) => searchAudit(deps, r.ctx, r.query),
    }),
    route({
      method: 'GET',
      url: '/api/audit-events/verify',
      access: 'audit.read',
      response: auditVerifyResult,
      handler: (r) => auditIntegrity(deps, r.ctx),
    }),
  ]);
