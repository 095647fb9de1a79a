import type { Deps } from '../platform/context.js';

/** Placeholder until the demo seed lands (being written alongside). */
export async function seedDemo(_deps: Deps): Promise<{ accounts: { username: string; password: string; role: string; note: string }[] }> {
  return { accounts: [] };
}
