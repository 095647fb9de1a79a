import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Actor } from './access.js';
import { type BlobStore, DiskBlobStore } from './files/storage.js';
import type { JobQueue } from './jobs/queue.js';

/** Who is acting and on behalf of which request: passed to every service call. */
export interface Ctx {
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
}

/** What services need from the outside world. `now` is injectable so tests can move time. */
export interface Deps {
  database: Database;
  config: Config;
  now: () => Date;
  /** Evidence and other uploaded files, by SHA-256. */
  blobs: BlobStore;
  /** The background job queue (platform/jobs), set by the app that started it. */
  jobs?: JobQueue;
}

/** The one way to assemble Deps: files live under the data dir unless a store is given. */
export function makeDeps(
  database: Database,
  config: Config,
  opts: { now?: () => Date; blobs?: BlobStore } = {},
): Deps {
  return {
    database,
    config,
    now: opts.now ?? (() => new Date()),
    blobs: opts.blobs ?? new DiskBlobStore(join(config.dataDir, 'files')),
  };
}

export const systemCtx: Ctx = { actor: null, requestId: null, ip: null };
