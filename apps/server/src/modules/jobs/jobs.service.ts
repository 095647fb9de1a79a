import type { JobView, StartJob } from '@jixiao/contracts';
import type { Ctx, Deps } from '../../platform/context.js';
import type { Download } from '../../platform/download.js';
import { AppError, notFound, unavailable } from '../../platform/errors.js';
import type { JobKindDef } from '../../platform/jobs/jobs.js';
import * as repo from '../../platform/jobs/jobs.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { iso } from '../results/results.service.js';
import { jobKindDefs } from './kinds.js';

/**
 * Background jobs (docs/jobs.md): start one of a kind, read its progress, list one's own, download
 * its file. A job is read only by its creator and by whoever may start it (the office of its plan).
 */

const kindOf = (kind: string): JobKindDef<never> => {
  const def = jobKindDefs.find((k) => k.kind === kind);
  if (!def) throw notFound('Job kind');
  return def;
};

export function toJobView(j: repo.JobRow): JobView {
  return {
    id: j.id,
    kind: j.kind as JobView['kind'],
    params: j.params,
    status: j.status as JobView['status'],
    done: j.done,
    total: j.total,
    fileName: j.fileName,
    fileSize: j.fileSize,
    error: j.errorCode ? { code: j.errorCode, params: j.errorParams ?? {} } : null,
    createdBy: j.createdBy,
    createdAt: iso(j.createdAt),
    startedAt: j.startedAt ? iso(j.startedAt) : null,
    finishedAt: j.finishedAt ? iso(j.finishedAt) : null,
  };
}

/** Queue a job of a kind: authorised by the kind, recorded (and audited), then handed to the queue. */
export async function startJob(deps: Deps, ctx: Ctx, body: StartJob): Promise<JobView> {
  const def = kindOf(body.kind);
  await def.authorize(deps, ctx, body.params as never);
  def.ready?.(deps);
  if (!deps.jobs) throw unavailable('job.queue_stopped');
  const row = await deps.database.db.transaction(async (tx) => {
    const job = await repo.insertJob(tx, {
      kind: body.kind,
      params: body.params,
      ownerId: ctx.actor!.id,
      createdAt: deps.now(),
      createdBy: ctx.actor!.username,
    });
    await recordAudit(deps, tx, ctx, {
      action: 'job.start',
      objectType: 'job',
      objectId: job.id,
      after: { kind: body.kind, params: body.params },
    });
    return job;
  });
  // After the commit: on PGlite the queue shares the one connection the transaction held.
  try {
    await deps.jobs.send(body.kind, row.id);
  } catch (err) {
    await repo.updateJob(deps.database.db, row.id, {
      status: 'failed',
      errorCode: 'job.queue_failed',
      errorParams: {},
      finishedAt: deps.now(),
    });
    throw err;
  }
  return toJobView((await repo.findJob(deps.database.db, row.id))!);
}

/** A job its creator or its kind's office may read; anyone else is refused (403). */
async function readableJob(deps: Deps, ctx: Ctx, id: number) {
  const job = await repo.findJob(deps.database.db, id);
  if (!job) throw notFound('Job');
  if (job.ownerId === ctx.actor!.id) return job;
  try {
    await kindOf(job.kind).authorize(deps, ctx, job.params as never);
  } catch {
    throw new AppError('FORBIDDEN', 'Only who started this job and the office may read it');
  }
  return job;
}

export const getJob = async (deps: Deps, ctx: Ctx, id: number) => toJobView(await readableJob(deps, ctx, id));

/** The caller's own jobs, newest first. */
export async function myJobs(deps: Deps, ctx: Ctx, limit: number): Promise<JobView[]> {
  return (await repo.jobsOf(deps.database.db, ctx.actor!.id, limit)).map(toJobView);
}

const TYPES: Record<string, string> = {
  zip: 'application/zip',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The finished job's file (409 job.not_done before then). */
export async function jobFile(deps: Deps, ctx: Ctx, id: number): Promise<Download> {
  const job = await readableJob(deps, ctx, id);
  if (job.status !== 'done' || !job.fileSha256 || !job.fileName)
    throw new AppError('CONFLICT', 'job.not_done', { code: 'job.not_done', params: { status: job.status } });
  const ext = job.fileName.split('.').pop() ?? '';
  return {
    fileName: job.fileName,
    asciiName: `job-${job.id}.${ext}`,
    contentType: TYPES[ext] ?? 'application/octet-stream',
    data: await deps.blobs.get(job.fileSha256),
  };
}
