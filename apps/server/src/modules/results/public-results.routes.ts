import { publicRun, publicRunParams, publicRunSummary } from '@jixiao/contracts';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as svc from './public-results.service.js';

/** Anyone may read these; a minute of caching keeps a published ranking cheap to share. */
const LIMIT = { max: 120, timeWindow: '1 minute' };

/** The public results page (S13): published runs the office made public, no sign-in. */
export const publicResultsRoutes = (deps: Deps) =>
  routes('results', [
    route({
      method: 'GET',
      url: '/api/public/results',
      access: 'public',
      summary: 'Runs the office published to the public page (newest per plan and period)',
      rateLimit: LIMIT,
      response: z.array(publicRunSummary),
      handler: (r) => {
        r.reply.header('cache-control', 'public, max-age=60');
        return svc.listPublicRuns(deps);
      },
    }),
    route({
      method: 'GET',
      url: '/api/public/results/:runId',
      access: 'public',
      summary: 'One public run: units, totals, ranks and grades per group (no personal data)',
      rateLimit: LIMIT,
      params: publicRunParams,
      response: publicRun,
      handler: (r) => {
        r.reply.header('cache-control', 'public, max-age=60');
        return svc.getPublicRun(deps, r.params.runId);
      },
    }),
  ]);
