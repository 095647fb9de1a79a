import {
  idParam,
  paperBatch,
  paperBatchCreate,
  paperBatchDetail,
  paperBatchQuery,
  paperCampaign,
  paperCount,
  paperImportQuery,
  paperSheetParams,
  paperSheetPut,
  paperSheetResolve,
} from '@jixiao/contracts';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import { fileOf } from '../../platform/upload.js';
import * as svc from './paper.service.js';

/** Paper questionnaires (Z3): batches per survey point, typed or imported, double entry, counting. */
export const paperRoutes = (deps: Deps) =>
  routes('surveys', [
    route({
      method: 'GET',
      url: '/api/paper-campaigns',
      access: 'surveys.enter',
      summary: 'Campaigns with paper groups open for entry',
      response: z.array(paperCampaign),
      handler: (r) => svc.paperCampaigns(deps, r.ctx),
    }),
    route({
      method: 'GET',
      url: '/api/paper-batches',
      access: 'surveys.enter',
      query: paperBatchQuery,
      response: z.array(paperBatch),
      handler: (r) => svc.listBatches(deps, r.ctx, r.query.campaignId),
    }),
    route({
      method: 'POST',
      url: '/api/paper-batches',
      access: 'surveys.enter',
      body: paperBatchCreate,
      response: paperBatchDetail,
      status: 201,
      handler: (r) => svc.createBatch(deps, r.ctx, r.body),
    }),
    route({
      method: 'GET',
      url: '/api/paper-batches/:id',
      access: 'surveys.enter',
      params: idParam,
      response: paperBatchDetail,
      handler: (r) => svc.getBatch(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'PUT',
      url: '/api/paper-batches/:id/sheets/:seq',
      access: 'surveys.enter',
      summary: 'One entry (first or second) of one paper sheet',
      params: paperSheetParams,
      body: paperSheetPut,
      response: paperBatchDetail,
      handler: (r) => svc.putSheet(deps, r.ctx, r.params.id, r.params.seq, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/paper-batches/:id/sheets/:seq/resolve',
      access: 'surveys.enter',
      summary: 'Decide a double-entry difference as the paper sheet reads',
      params: paperSheetParams,
      body: paperSheetResolve,
      response: paperBatchDetail,
      handler: (r) => svc.resolveSheet(deps, r.ctx, r.params.id, r.params.seq, r.body.answers),
    }),
    route({
      method: 'POST',
      url: '/api/paper-batches/:id/import',
      access: 'surveys.enter',
      summary: 'Sheets from a CSV or .xlsx (a column per question): every row or none',
      upload: true,
      params: idParam,
      query: paperImportQuery,
      response: paperBatchDetail,
      handler: async (r) =>
        svc.importSheets(deps, r.ctx, r.params.id, r.query.pass, (await fileOf(r.req)).data),
    }),
    route({
      method: 'POST',
      url: '/api/paper-batches/:id/count',
      access: 'surveys.enter',
      summary: 'Count a batch: each sheet becomes a ballot of the group (double entry must agree)',
      params: idParam,
      body: paperCount,
      response: paperBatchDetail,
      handler: (r) => svc.countBatch(deps, r.ctx, r.params.id, r.body.version),
    }),
  ]);
