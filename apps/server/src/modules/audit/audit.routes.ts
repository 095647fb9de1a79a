import { auditList, auditQuery, auditVerifyResult } from '@jixiao/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgScope } from '../../platform/access.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { searchAudit, verifyAudit } from './audit.service.js';

const config = { access: { permission: 'audit.read' as const } };
const tags = ['audit'];

export const auditRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // The trail spans every unit: only holders of a global audit grant read it.
    app.addHook('preHandler', async (req) => {
      if (req.actor && !orgScope(req.actor, 'audit.read').all)
        throw new AppError('FORBIDDEN', 'The audit log is for the performance office');
    });
    app.get(
      '/api/audit-events',
      { config, schema: { tags, querystring: auditQuery, response: { 200: auditList } } },
      (req) => searchAudit(deps, req.query),
    );
    app.get(
      '/api/audit-events/verify',
      { config, schema: { tags, response: { 200: auditVerifyResult } } },
      async () => {
        const { checked, problem } = await verifyAudit(deps);
        return {
          ok: problem === null,
          checked,
          firstBadId: problem?.id ?? null,
          problem: problem?.problem ?? null,
          message: problem?.message ?? `All ${checked} audit rows are intact`,
        };
      },
    );
  };
