import { it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { testApp } from '../test/helpers.js';
it('t', async () => {
  let t = performance.now();
  const env = await testApp({ demo: true });
  console.log('app', performance.now() - t); t = performance.now();
  await seedDemo(env.deps);
  console.log('seed', performance.now() - t); t = performance.now();
  const r = await env.database.query('select count(*) from audit_log'); console.log(r);
  await env.close();
}, 60000);
