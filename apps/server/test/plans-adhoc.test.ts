import { beforeAll, describe, expect, it } from 'vitest';
import { activePlan, officeCookie, poster } from './org-fixture.js';
import { tinyPlan } from './plans-fixture.js';
import { useTestApp } from './use-app.js';

/** Z7: ad-hoc plans run beside the yearly plan of a system and year; only a yearly plan replaces it. */
describe('ad-hoc plans', () => {
  const env = useTestApp();
  let office: string;
  let system: number;
  const api = (method: string, url: string, payload?: unknown) =>
    env.app.inject({ method: method as 'GET', url, headers: { cookie: office }, payload: payload as never });
  const create = async (name: string, adHoc: boolean) => {
    const doc = {
      ...tinyPlan(name),
      period: adHoc ? { granularity: 'quarter', adHoc: true } : { granularity: 'year' },
    };
    return activePlan(env, office, { systemId: system, name, document: doc });
  };
  const status = async (id: number) => (await api('GET', `/api/plans/${id}`)).json();

  beforeAll(async () => {
    office = await officeCookie(env);
    system = (await poster(env, office)('/api/systems', { code: 'city-dept', name: '市直机关' })).id;
  });

  it('activating ad-hoc plans archives nothing; a new yearly plan archives only the old yearly one', async () => {
    const yearly = await create('年度方案', false);
    const special1 = await create('营商环境专项评估', true);
    const special2 = await create('安全生产专项评估', true);
    expect((await status(yearly)).status).toBe('active');
    expect(await status(special1)).toMatchObject({ status: 'active', adHoc: true });
    expect((await status(special2)).status).toBe('active');

    const yearly2 = await create('年度方案（修订）', false);
    expect((await status(yearly)).status).toBe('archived');
    expect(await status(yearly2)).toMatchObject({ status: 'active', adHoc: false });
    expect((await status(special1)).status).toBe('active');
    expect((await status(special2)).status).toBe('active');
  });
});
