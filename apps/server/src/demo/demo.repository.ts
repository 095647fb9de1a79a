import type { Executor } from '../db/client.js';
import { LOCKS, lockFor } from '../db/locks.js';

// The demo seeders load data through the services and repositories like any use case; this is the
// only SQL of their own.

/** Two servers starting on one empty PostgreSQL seed the demo once: the second waits, then sees it. */
export const lockDemoSeed = (tx: Executor) => lockFor(tx, LOCKS.demoSeed);
