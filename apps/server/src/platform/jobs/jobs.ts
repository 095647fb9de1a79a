import type { JobKind } from '@jixiao/contracts';
import type { Ctx, Deps } from '../context.js';
import type { Download } from '../download.js';
import { AppError } from '../errors.js';
import * as repo from './jobs.repository.js';
import type { JobHandler } from './queue.js';

/** Tells how far a job got: `done` steps of `total`. */
export type Progress = (done: number, total: number) => Promise<void>;

/**
 * A kind of background job: who may start it (and so, besides its creator, read it — "the
 * office"), and the work, which reports progress and ends in one file.
 */
export interface JobKindDef<P = Record<string, unknown>> {
  kind: JobKind;
  /** Throws an AppError when the actor may not start this job with these params. */
  authorize(deps: Deps, ctx: Ctx, params: P): Promise<void>;
  /** Throws an AppError when this server cannot do the work now (a missing font). */
  ready?(deps: Deps): void;
  run(deps: Deps, params: P, progress: Progress): Promise<Download>;
}

/** Progress is written at most this often (and always at the end), so a long job does not flood the table. */
const PROGRESS_EVERY_MS = 250;

/** What a failure says to the web: an AppError's `{ code, params }`, else `job.failed`. */
function failureOf(err: unknown): { code: string; params: Record<string, unknown> } {
  if (err instanceof AppError) {
    const d = err.details as { code?: unknown; params?: unknown } | undefined;
    if (d && typeof d.code === 'string')
      return { code: d.code, params: (d.params as Record<string, unknown>) ?? {} };
    return { code: 'job.failed', params: { reason: err.code } };
  }
  return { code: 'job.failed', params: { reason: 'INTERNAL' } };
}

/**
 * One handler per kind for the queue: the job row moves queued → running → done (its file in
 * the blob store) or failed (its reason as `{ code, params }`).
 */
export function jobHandlers(
  deps: Deps,
  kinds: readonly JobKindDef<never>[],
  log: (err: unknown, jobId: number) => void,
): Record<string, JobHandler> {
  const db = deps.database.db;
  const handle = (kind: JobKindDef<never>) => async (jobId: number) => {
    const job = await repo.findJob(db, jobId);
    if (job?.status !== 'queued') return;
    await repo.updateJob(db, jobId, { status: 'running', startedAt: deps.now() }, 'queued');
    let last = 0;
    const progress: Progress = async (done, total) => {
      // The work runs in the server's own process: between steps the event loop answers requests
      // (PGlite's promises alone never reach the I/O phase, so a long job would starve the server).
      await new Promise((r) => setImmediate(r));
      const now = Date.now();
      if (done < total && now - last < PROGRESS_EVERY_MS) return;
      last = now;
      await repo.updateJob(db, jobId, { done, total }, 'running');
    };
    try {
      const file = await kind.run(deps, job.params as never, progress);
      const data = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
      const stored = await deps.blobs.put(data);
      await repo.updateJob(
        db,
        jobId,
        {
          status: 'done',
          fileSha256: stored.sha256,
          fileName: file.fileName,
          fileSize: stored.size,
          finishedAt: deps.now(),
        },
        'running',
      );
    } catch (err) {
      log(err, jobId);
      const { code, params } = failureOf(err);
      await repo.updateJob(
        db,
        jobId,
        { status: 'failed', errorCode: code, errorParams: params, finishedAt: deps.now() },
        'running',
      );
    }
  };
  return Object.fromEntries(kinds.map((k) => [k.kind, handle(k)]));
}
