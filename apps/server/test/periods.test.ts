import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar, periodState } from '../src/modules/periods/period-state.js';
import { assertPeriodAcceptsData, notifyUpcomingDeadlines } from '../src/modules/periods/periods.service.js';
import { auditActions } from './helpers.js';
import { as, buildWorld, type World } from './taskbooks-fixture.js';
import { useTestApp } from './use-app.js';

const d = (s: string) => new Date(s);

describe('periodState (pure)', () => {
  const w = {
    period: '2026-M03',
    opensAt: d('2026-02-28T16:00:00Z'),
    dueAt: d('2026-04-10T15:59:59Z'),
    closed: false,
  };
  it('is not open before, open until the end of the due day (Beijing), late after', () => {
    expect(periodState(w, [], 1, d('2026-02-28T15:59:59Z'))).toBe('not_open');
    expect(periodState(w, [], 1, d('2026-02-28T16:00:00Z'))).toBe('open');
    expect(periodState(w, [], 1, d('2026-04-10T15:59:59Z'))).toBe('open');
    expect(periodState(w, [], 1, d('2026-04-10T16:00:00Z'))).toBe('late');
  });
  it('a closed period is reopened only for the unit named, until the end date', () => {
    const c = { ...w, closed: true };
    const r = [{ period: '2026-M03', unitId: 7, until: d('2026-05-01T00:00:00Z') }];
    expect(periodState(c, r, 7, d('2026-04-20T00:00:00Z'))).toBe('reopened');
    expect(periodState(c, r, 8, d('2026-04-20T00:00:00Z'))).toBe('closed');
    expect(periodState(c, r, 7, d('2026-05-01T00:00:01Z'))).toBe('closed');
    expect(periodState(c, [{ ...r[0]!, period: '2026-M04' }], 7, d('2026-04-20T00:00:00Z'))).toBe('closed');
  });
  it('the default calendar: 12 months, 4 quarters, H1 and Y with the usual due days', () => {
    const cal = defaultCalendar(2026, ['month', 'quarter', 'half', 'year']);
    expect(cal).toHaveLength(18);
    const by = new Map(cal.map((c) => [c.period, c]));
    // 2026-02-10 23:59:59 in Beijing is 15:59:59 UTC; 2026-01-01 00:00 Beijing is 2025-12-31 16:00 UTC.
    expect(by.get('2026-M01')!.dueAt.toISOString()).toBe('2026-02-10T15:59:59.000Z');
    expect(by.get('2026-M01')!.opensAt.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(by.get('2026-M12')!.dueAt.toISOString()).toBe('2027-01-10T15:59:59.000Z');
    expect(by.get('2026-Q4')!.dueAt.toISOString()).toBe('2027-01-15T15:59:59.000Z');
    expect(by.get('2026-Q2')!.opensAt.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(by.get('2026-H1')!.dueAt.toISOString()).toBe('2026-07-20T15:59:59.000Z');
    expect(by.get('2026-Y')!.dueAt.toISOString()).toBe('2027-01-20T15:59:59.000Z');
    expect(defaultCalendar(2026, ['quarter']).map((c) => c.period)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
  });
});

describe('periods and deadlines (API)', () => {
  const env = useTestApp();
  let w: World;
  let call: ReturnType<typeof as>;
  const accepts = (period: string, unit: number) =>
    env.database.db.transaction((tx) => assertPeriodAcceptsData(tx, w.plan, period, unit, env.clock.now));
  const windowOf = async (period: string) =>
    (await call('office', 'GET', `/api/plans/${w.plan}/periods`))
      .json()
      .find((x: { period: string }) => x.period === period);

  beforeAll(async () => {
    w = await buildWorld(env);
    call = as(env, w);
  });

  it('a period without a window takes data on time', async () => {
    expect(await accepts('2026-M02', w.unit1)).toEqual({ late: false });
  });

  it('the office generates the calendar once; generating again adds nothing', async () => {
    const r = await call('office', 'POST', `/api/plans/${w.plan}/periods/generate`, {});
    expect(r.statusCode).toBe(200);
    expect(r.json()).toHaveLength(18);
    const again = await call('office', 'POST', `/api/plans/${w.plan}/periods/generate`, {
      granularities: ['month'],
    });
    expect(again.json()).toHaveLength(18);
    expect((await call('u1filler', 'POST', `/api/plans/${w.plan}/periods/generate`, {})).statusCode).toBe(
      403,
    );
    // Units read the calendar of their plan.
    expect((await call('u1filler', 'GET', `/api/plans/${w.plan}/periods`)).statusCode).toBe(200);
  });

  it('open, late and not-yet-open follow the movable clock', async () => {
    env.clock.now = d('2026-03-01T08:00:00Z');
    expect(await accepts('2026-M02', w.unit1)).toEqual({ late: false });
    await expect(accepts('2026-M04', w.unit1)).rejects.toThrow(
      'period 2026-M04 is not open yet (opens 2026-04-01)',
    );
    env.clock.now = d('2026-03-10T15:59:59Z');
    expect(await accepts('2026-M02', w.unit1)).toEqual({ late: false });
    env.clock.now = d('2026-03-10T16:00:00Z');
    expect(await accepts('2026-M02', w.unit1)).toEqual({ late: true });
    expect((await windowOf('2026-M02')).state).toBe('late');
  });

  it('a closed period refuses data; the second editor with the old version gets 409', async () => {
    const m2 = await windowOf('2026-M02');
    const r = await call('office', 'PATCH', `/api/period-windows/${m2.id}`, {
      closed: true,
      version: m2.version,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().state).toBe('closed');
    const stale = await call('office', 'PATCH', `/api/period-windows/${m2.id}`, {
      closed: false,
      version: m2.version,
    });
    expect(stale.statusCode).toBe(409);
    await expect(accepts('2026-M02', w.unit1)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'period 2026-M02 is closed',
    });
  });

  it('bad dates are refused naming the field, nothing changed', async () => {
    const m5 = await windowOf('2026-M05');
    const r = await call('office', 'PATCH', `/api/period-windows/${m5.id}`, {
      dueAt: '2026-04-01T00:00:00Z',
      version: m5.version,
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('dueAt');
    expect((await windowOf('2026-M05')).dueAt).toBe(m5.dueAt);
  });

  it('the office reopens a closed period for one unit, with reason and end date; the unit is told', async () => {
    const m2 = await windowOf('2026-M02');
    const noReason = await call('office', 'POST', `/api/period-windows/${m2.id}/reopenings`, {
      unitId: w.unit1,
      reason: ' ',
      until: '2026-03-20T15:59:59Z',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');
    const notClosed = await call(
      'office',
      'POST',
      `/api/period-windows/${(await windowOf('2026-M03')).id}/reopenings`,
      {
        unitId: w.unit1,
        reason: '系统故障',
        until: '2026-03-20T15:59:59Z',
      },
    );
    expect(notClosed.statusCode).toBe(409);
    const r = await call('office', 'POST', `/api/period-windows/${m2.id}/reopenings`, {
      unitId: w.unit1,
      reason: '系统故障未能按时报送',
      until: '2026-03-20T15:59:59Z',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().reopenings).toHaveLength(1);
    expect(await accepts('2026-M02', w.unit1)).toEqual({ late: true });
    await expect(accepts('2026-M02', w.unit2)).rejects.toThrow('period 2026-M02 is closed');
    const bell = (await call('u1filler', 'GET', '/api/notifications')).json();
    expect(bell.items.map((n: { title: string }) => n.title)).toContain('2026-M02 已为本单位重新开放');
    // Unit 2 does not see unit 1's reopening.
    const seen = (await call('u2admin', 'GET', `/api/plans/${w.plan}/periods`)).json();
    expect(seen.find((x: { period: string }) => x.period === '2026-M02').reopenings).toEqual([]);
    env.clock.now = d('2026-03-20T16:00:00Z');
    await expect(accepts('2026-M02', w.unit1)).rejects.toThrow('period 2026-M02 is closed');
    expect(await auditActions(env, "action like 'periods.%'")).toEqual([
      'periods.generate',
      'periods.update',
      'periods.reopen',
    ]);
  });

  it('deadline reminders go to unit fillers 3 days ahead, once per period', async () => {
    // M03 is due 2026-04-10 15:59:59Z; 3 days before is 2026-04-07 15:59:59Z.
    expect(await notifyUpcomingDeadlines(env.deps, d('2026-04-07T15:00:00Z'))).toBe(0);
    expect(await notifyUpcomingDeadlines(env.deps, d('2026-04-07T16:00:00Z'))).toBe(1);
    expect(await notifyUpcomingDeadlines(env.deps, d('2026-04-08T16:00:00Z'))).toBe(0);
    const rows = await env.database.query<{ title: string; link: string }>(
      "select title, link from notification where kind = 'deadline' and link like '%2026-M03'",
    );
    expect(rows).toEqual([
      { title: '2026-M03 报送将于 2026-04-10 截止', link: `/calendar?plan=${w.plan}&period=2026-M03` },
    ]);
  });
});
