import {
  evidenceFile,
  idParam,
  submission,
  submissionCreate,
  submissionDetail,
  submissionFileQuery,
  submissionList,
  submissionListQuery,
  submissionUpdate,
  uploadResult,
} from '@jixiao/contracts';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import { fileOf } from '../../platform/upload.js';
import * as evidence from './evidence.service.js';
import * as svc from './submissions.service.js';
import * as files from './submissions-file.js';

/** Data submission (Z4, G5): the period form, entry and correction, bulk upload, evidence files. */
export const submissionsRoutes = (deps: Deps) =>
  routes('submissions', [
    route({
      method: 'GET',
      url: '/api/submissions',
      access: 'submissions.read',
      query: submissionListQuery,
      response: submissionList,
      handler: (r) => svc.listSlots(deps, r.ctx, r.query),
    }),
    route({
      method: 'POST',
      url: '/api/submissions',
      access: 'submissions.write',
      body: submissionCreate,
      response: submission,
      status: 201,
      handler: (r) => svc.createSubmission(deps, r.ctx, r.body),
    }),
    route({
      method: 'GET',
      url: '/api/submissions/:id',
      access: 'submissions.read',
      params: idParam,
      response: submissionDetail,
      handler: (r) => svc.getSubmission(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'PUT',
      url: '/api/submissions/:id',
      access: 'submissions.write',
      summary: 'Change a value (a verified one only with a reason); optimistic version',
      params: idParam,
      body: submissionUpdate,
      response: submission,
      handler: (r) => svc.updateSubmission(deps, r.ctx, r.params.id, r.body),
    }),
    route({
      method: 'GET',
      url: '/api/submissions/template',
      access: 'submissions.write',
      summary: 'The .xlsx template of a period, prefilled',
      query: submissionFileQuery,
      response: 'file',
      handler: (r) => files.buildTemplate(deps, r.ctx, r.query.planId, r.query.period),
    }),
    route({
      method: 'POST',
      url: '/api/submissions/upload',
      access: 'submissions.write',
      summary: "Upload a period's values from the .xlsx template (every row or none)",
      upload: true,
      query: submissionFileQuery,
      response: uploadResult,
      handler: async (r) =>
        files.uploadValues(deps, r.ctx, r.query.planId, r.query.period, await fileOf(r.req)),
    }),
    route({
      method: 'POST',
      url: '/api/submissions/:id/evidence',
      access: 'submissions.write',
      summary: 'Attach an evidence file (PDF, image, Office; ≤ 10 MiB; checked by content)',
      upload: true,
      params: idParam,
      response: evidenceFile,
      status: 201,
      handler: (r) => evidence.uploadSubmissionEvidence(deps, r.ctx, r.params.id, () => fileOf(r.req)),
    }),
    route({
      method: 'GET',
      url: '/api/evidence/:id',
      access: 'submissions.read',
      summary: 'Download an evidence file',
      params: idParam,
      response: 'file',
      handler: (r) => evidence.downloadEvidence(deps, r.ctx, r.params.id),
    }),
  ]);
