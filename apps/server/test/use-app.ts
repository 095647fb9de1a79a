import { afterAll, beforeAll } from 'vitest';
import { type TestEnv, testApp } from './helpers.js';

/**
 * The test app of one file (or describe block): started before its tests, closed after them. The
 * object returned reads through to it, so tests write `env.app`, `env.database`, `env.clock`… as
 * with testApp(); read it inside hooks and tests only.
 */
export function useTestApp(over?: Parameters<typeof testApp>[0]): TestEnv {
  let started: TestEnv | undefined;
  beforeAll(async () => {
    started = await testApp(over);
  });
  afterAll(() => started?.close());
  // Every property is read from the started app at the time of use.
  return new Proxy({} as TestEnv, {
    get(_, key) {
      if (!started) throw new Error('the test app starts in beforeAll');
      return started[key as keyof TestEnv];
    },
  });
}
