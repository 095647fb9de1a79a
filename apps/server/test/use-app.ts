import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { DEMO_NOVEMBER, demoApp, signIn, type TestEnv, testApp } from './helpers.js';

/**
 * The test app of one file (or describe block): started before its tests, closed after them. The
 * object returned reads through to it, so tests write `env.app`, `env.database`, `env.clock`… as
 * with testApp(); read it inside hooks and tests only.
 */
export function useTestApp(over?: Parameters<typeof testApp>[0]): TestEnv {
  return useApp(() => testApp(over));
}

/**
 * The demo city in mid-November (the demo files share its template), and `get(user, url)`: the JSON
 * a demo account reads there (signed in once per account); `cookie(user)` for other requests.
 */
export function useDemoCity() {
  const env = useApp(() => demoApp(DEMO_NOVEMBER), 180_000);
  const cookies = new Map<string, string>();
  const cookie = async (user: string) => {
    if (!cookies.has(user)) cookies.set(user, await signIn(env, user, DEMO_PASSWORD));
    return cookies.get(user)!;
  };
  const get = async (user: string, url: string) =>
    (await env.app.inject({ url, headers: { cookie: await cookie(user) } })).json();
  return { env, get, cookie };
}

function useApp(start: () => Promise<TestEnv>, timeout?: number): TestEnv {
  let started: TestEnv | undefined;
  beforeAll(async () => {
    started = await start();
  }, timeout);
  afterAll(() => started?.close());
  // Every property is read from the started app at the time of use.
  return new Proxy({} as TestEnv, {
    get(_, key) {
      if (!started) throw new Error('the test app starts in beforeAll');
      return started[key as keyof TestEnv];
    },
  });
}
