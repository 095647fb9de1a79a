import { auditList, auditQuery, auditVerifyResult } from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { ctxOf } from '../../platform/http.js';
import { auditIntegrity, searchAudit } from './audit.service.js';

const config = { access: { permission: 'audit.read' as const } };
const tags = ['audit'];

/** The audit trail and its chain check (the services allow only a global audit grant). */
export const auditRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit-events',
      { config, schema: { tags, querystring: auditQuery, response: { 200: auditList } } },
      (req) => searchAudit(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/audit-events/verify',
      { config, schema: { tags, response: { 200: auditVerifyResult } } },
      (req) => auditIntegrity(deps, ctxOf(req)),
    );
  };
