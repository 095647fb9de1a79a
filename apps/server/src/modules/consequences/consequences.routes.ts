import {
  archiveUnitParams,
  archiveUnitQuery,
  runConsequences,
  runParams,
  unitArchive,
} from '@jixiao/contracts';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as service from './consequences.service.js';

/** Use of results (结果运用) of a year-end run, its export, and a unit's archive across years. */
export const consequencesRoutes = (deps: Deps) =>
  routes('consequences', [
    route({
      method: 'GET',
      url: '/api/plans/:id/runs/:runId/consequences',
      access: 'results.read',
      summary:
        "A year-end run's consequences per unit (S15, S16, Z10, W5, W7, W13, S17, S3), each line with its rule and inputs",
      params: runParams,
      response: runConsequences,
      handler: (r) => service.runConsequences(deps, r.ctx, r.params.id, r.params.runId),
    }),
    route({
      method: 'GET',
      url: '/api/plans/:id/runs/:runId/consequences.xlsx',
      access: 'results.read',
      summary: 'The consequences as .xlsx for the organisation department (one row per line)',
      params: runParams,
      response: 'file',
      handler: (r) => service.exportConsequences(deps, r.ctx, r.params.id, r.params.runId),
    }),
    route({
      method: 'GET',
      url: '/api/archive/units/:code',
      access: 'results.read',
      summary:
        "A unit's archive (考核纪实档案, W5): its released years with total, rank, grade and consequences",
      params: archiveUnitParams,
      query: archiveUnitQuery,
      response: unitArchive,
      handler: (r) => service.unitArchive(deps, r.ctx, r.params.code, r.query.system),
    }),
  ]);
