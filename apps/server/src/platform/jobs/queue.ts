import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.js';

/**
 * The job queue: pg-boss 10 on the application's own database (its schema `pgboss`). On
 * PostgreSQL it opens a small pool of its own from the connection string; on PGlite it shares the
 * one connection through the `executeSql` adapter (db/client.ts). Started with the app, stopped
 * when the app closes, so no timer outlives it (tests build many apps).
 */
export interface JobQueue {
  /** Queue the job row `jobId` of `kind`; a worker of this process picks it up at once. */
  send(kind: string, jobId: number): Promise<void>;
  stop(): Promise<void>;
}

export type JobHandler = (jobId: number) => Promise<void>;

export async function startQueue(
  database: Database,
  handlers: Record<string, JobHandler>,
  onError: (err: Error) => void,
): Promise<JobQueue> {
  const target = database.queueTarget;
  const boss = new PgBoss({
    ...('connectionString' in target ? { connectionString: target.connectionString, max: 2 } : target),
    // No cron schedules are used; maintenance (expiry, archive) stays on.
    schedule: false,
  } as PgBoss.ConstructorOptions);
  boss.on('error', onError);
  await boss.start();
  const workers = new Map<string, string>();
  for (const [kind, handle] of Object.entries(handlers)) {
    await boss.createQueue(kind);
    const worker = await boss.work<{ jobId: number }>(
      kind,
      { batchSize: 1, pollingIntervalSeconds: 2 },
      async ([job]) => {
        if (job) await handle(job.data.jobId);
      },
    );
    workers.set(kind, worker);
  }
  let stopped: Promise<void> | undefined;
  return {
    async send(kind, jobId) {
      // A job of our own runs once: its failure is recorded in the job row, not retried.
      await boss.send(kind, { jobId }, { retryLimit: 0, expireInSeconds: 3600 });
      const worker = workers.get(kind);
      if (worker) boss.notifyWorker(worker);
    },
    stop() {
      // Graceful: a running job finishes its current step (or the wait ends after 10 s).
      stopped ??= boss.stop({ graceful: true, wait: true, timeout: 10_000, close: true });
      return stopped;
    },
  };
}
