import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Actor } from './access.js';

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
}

export const systemCtx: Ctx = { actor: null, requestId: null, ip: null };
