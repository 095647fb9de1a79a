import { beforeAll, describe, expect, it } from 'vitest';
import { effectiveEvents } from '../src/modules/events/events.repository.js';
import { makeUser, signIn } from './helpers.js';
import { injectAsUser } from './org-fixture.js';
import { tinyPlan } from './plans-fixture.js';
import { cycleFixture, multipart } from './submissions-fixture.js';
import { useTestApp } from './use-app.js';

/** Veto / bonus / deduction events (issue 8 point 2): entry, scope, approval, withdrawal, evidence. */
describe('cycle events', () => {
  const env = useTestApp();
  let f: Awaited<ReturnType<typeof cycleFixture>>;
  const who: Record<string, string> = {};
  const api = injectAsUser(() => env, who);
  const event = (over: object) => ({
    planId: f.plan,
    period: '2026-M03',
    unitId: f.u1,
    kind: 'deduction',
    points: 1,
    reason: '日常督查发现问题',
    ...over,
  });
  const list = async (user: string, query = '') =>
    (await api(user, 'GET', `/api/events?planId=${f.plan}${query}`)).json() as {
      id: number;
      kind: string;
      status: string;
      unitId: number;
      evidence: unknown[];
    }[];
  const audit = (action: string) =>
    env.database.query<{ object_id: string; after: unknown }>(
      'select object_id, after from audit_log where action = $1 order by id',
      [action],
    );

  beforeAll(async () => {
    const doc = tinyPlan() as ReturnType<typeof tinyPlan> & Record<string, unknown>;
    doc.bonus = { cap: 5, sources: [{ code: 'award', name: '国家级表彰' }] };
    f = await cycleFixture(env, doc);
    who.office = f.office;
    await makeUser(env, 'leader', [{ role: 'leader', scopeType: 'global' }]);
    for (const u of ['filler1', 'filler2', 'assessor', 'provider', 'leader']) who[u] = await signIn(env, u);
  });

  it('every refusal names its field', async () => {
    const cases: [object, number, string][] = [
      [{ period: '2025-M03' }, 400, 'period'],
      [{ points: undefined }, 400, 'points'],
      [{ indicator: 'NOPE' }, 400, 'indicator'],
      [{ kind: 'bonus', code: 'lottery', points: 2 }, 400, 'code'],
      [{ kind: 'bonus', points: 2 }, 400, 'code'],
      [{ kind: 'bonus', code: 'award', points: undefined }, 400, 'points'],
      [{ kind: 'veto', points: undefined }, 400, 'code'],
      [{ kind: 'veto', code: 'safety_accident', points: 3 }, 400, 'points'],
      [{ reason: '' }, 400, 'body.reason'],
      [{ period: '2026-M13' }, 400, 'body.period'],
      [{ points: -1 }, 400, 'body.points'],
    ];
    for (const [over, status, field] of cases) {
      const r = await api('office', 'POST', '/api/events', event(over));
      expect.soft(r.statusCode, JSON.stringify(over)).toBe(status);
      expect.soft(r.json().error.details?.[0]?.path, JSON.stringify(over)).toBe(field);
      expect.soft(r.json().error.message, JSON.stringify(over)).toContain(field.replace('body.', ''));
    }
    // A unit outside the plan's system, or no such plan: not found.
    expect((await api('office', 'POST', '/api/events', event({ unitId: 99999 }))).statusCode).toBe(404);
    expect((await api('office', 'POST', '/api/events', event({ planId: 99999 }))).statusCode).toBe(404);
    expect((await api('office', 'GET', '/api/events?planId=99999')).statusCode).toBe(404);
    expect(await list('office')).toEqual([]);
  });

  it("an assessor's event must name an indicator of its grant (403 otherwise); units cannot record", async () => {
    const outside = await api('assessor', 'POST', '/api/events', event({ indicator: 'I2' }));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('FORBIDDEN');
    expect(outside.json().error.message).toContain('I2');
    const unnamed = await api('assessor', 'POST', '/api/events', event({}));
    expect(unnamed.statusCode).toBe(403);
    expect(unnamed.json().error.details[0].path).toBe('indicator');
    expect((await api('filler1', 'POST', '/api/events', event({ unitId: f.u1 }))).statusCode).toBe(403);
    expect(await list('office')).toEqual([]);

    const ok = await api('assessor', 'POST', '/api/events', event({ indicator: 'I1', points: 1.5 }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      kind: 'deduction',
      status: 'approved',
      indicator: 'I1',
      points: 1.5,
      unitCode: 'u1',
      unitName: '一号局',
      source: 'entry',
      createdBy: 'assessor',
      decidedBy: 'assessor',
      evidence: [],
    });
    // The unit is told; the audit row is there.
    const bell = (await api('filler1', 'GET', '/api/notifications')).json();
    expect(bell.items[0].title).toContain('扣分');
    expect(bell.items[0].body).toContain('日常督查发现问题');
    expect((await api('filler2', 'GET', '/api/notifications')).json().items).toEqual([]);
    const rows = await audit('event.record');
    expect(rows.map((r) => Number(r.object_id))).toEqual([ok.json().id]);
  });

  it('a bonus waits for the office; units see their own events and every approved bonus, not others’ deductions', async () => {
    const bonus = await api(
      'office',
      'POST',
      '/api/events',
      event({ kind: 'bonus', code: 'award', points: 2 }),
    );
    expect(bonus.statusCode).toBe(201);
    expect(bonus.json()).toMatchObject({ status: 'pending', decidedAt: null, decidedBy: null });
    const veto = await api(
      'office',
      'POST',
      '/api/events',
      event({ kind: 'veto', code: 'safety_accident', points: null }),
    );
    expect(veto.json()).toMatchObject({ status: 'approved', points: null, code: 'safety_accident' });

    // Pending bonus: unit 1 sees it, unit 2 does not; unit 2 never sees unit 1's deduction or veto.
    expect((await list('filler1')).map((e) => e.kind).sort()).toEqual(['bonus', 'deduction', 'veto']);
    expect(await list('filler2')).toEqual([]);
    expect(await list('leader')).toHaveLength(3);
    expect(await list('assessor')).toHaveLength(3);
    // The plan's effective events: not the pending bonus.
    expect((await effectiveEvents(env.database.db, f.plan)).map((e) => e.kind).sort()).toEqual([
      'deduction',
      'veto',
    ]);

    const b = bonus.json();
    const noNote = await api('office', 'POST', `/api/events/${b.id}/decision`, {
      decision: 'reject',
      version: b.version,
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details[0].path).toBe('note');
    // The assessor records but does not approve.
    expect(
      (
        await api('assessor', 'POST', `/api/events/${b.id}/decision`, {
          decision: 'approve',
          version: b.version,
        })
      ).statusCode,
    ).toBe(403);
    const approved = await api('office', 'POST', `/api/events/${b.id}/decision`, {
      decision: 'approve',
      note: '材料齐全',
      version: b.version,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedBy: 'office',
      decisionNote: '材料齐全',
    });
    // Stale version → VERSION_CONFLICT; deciding an approved bonus again → CONFLICT.
    const stale = await api('office', 'POST', `/api/events/${b.id}/decision`, {
      decision: 'reject',
      note: 'x',
      version: b.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const deduction = (await list('office', '&kind=deduction'))[0]!;
    const notBonus = await api('office', 'POST', `/api/events/${deduction.id}/decision`, {
      decision: 'approve',
      version: 1,
    });
    expect(notBonus.statusCode).toBe(409);

    // Approved bonuses are published to every unit; unit 2 still does not see unit 1's deduction.
    expect((await list('filler2')).map((e) => [e.kind, e.status, e.unitId])).toEqual([
      ['bonus', 'approved', f.u1],
    ]);
    expect((await list('filler1', '&status=approved&kind=bonus')).map((e) => e.id)).toEqual([b.id]);
    expect((await audit('event.approve')).map((r) => Number(r.object_id))).toEqual([b.id]);
  });

  it('a decision with a stale version gets 409 VERSION_CONFLICT; a rejected bonus stays with its unit', async () => {
    // A pending 1-point bonus of unit 2, recorded by the office.
    const pendingBonus = async () =>
      (
        await api(
          'office',
          'POST',
          '/api/events',
          event({ unitId: f.u2, kind: 'bonus', code: 'award', points: 1 }),
        )
      ).json();
    const b = await pendingBonus();
    const first = await api('office', 'POST', `/api/events/${b.id}/decision`, {
      decision: 'reject',
      note: '不符合条件',
      version: b.version,
    });
    expect(first.json().status).toBe('rejected');
    const b2 = await pendingBonus();
    const wrong = await api('office', 'POST', `/api/events/${b2.id}/decision`, {
      decision: 'approve',
      version: b2.version + 1,
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe('VERSION_CONFLICT');
    // A rejected bonus is not shown to the other unit.
    expect((await list('filler1')).some((e) => e.id === b.id)).toBe(false);
  });

  it('withdraw: the recorder or the office, once; a withdrawn event no longer counts', async () => {
    const d = (await list('office', '&kind=deduction'))[0]!;
    const full = (await list('assessor')).find((e) => e.id === d.id) as unknown as { version: number };
    await makeUser(env, 'assessor2', [{ role: 'assessor', scopeType: 'indicators', refs: ['I2'] }]);
    who.assessor2 = await signIn(env, 'assessor2');
    const other = await api('assessor2', 'POST', `/api/events/${d.id}/withdraw`, {
      reason: '误录',
      version: full.version,
    });
    expect(other.statusCode).toBe(403);
    expect(
      (await api('filler1', 'POST', `/api/events/${d.id}/withdraw`, { reason: 'x', version: full.version }))
        .statusCode,
    ).toBe(403);
    const stale = await api('assessor', 'POST', `/api/events/${d.id}/withdraw`, {
      reason: '误录',
      version: full.version + 5,
    });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const ok = await api('assessor', 'POST', `/api/events/${d.id}/withdraw`, {
      reason: '误录',
      version: full.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'withdrawn', decisionNote: '误录', decidedBy: 'assessor' });
    const again = await api('assessor', 'POST', `/api/events/${d.id}/withdraw`, {
      reason: '误录',
      version: ok.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect((await effectiveEvents(env.database.db, f.plan)).some((e) => e.id === d.id)).toBe(false);
    expect((await audit('event.withdraw')).map((r) => Number(r.object_id))).toEqual([d.id]);
  });

  it('evidence: the recorder or the office attaches it; the unit concerned downloads it, another unit cannot', async () => {
    const bonus = (await list('office', '&kind=bonus&status=approved'))[0]!;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const up = (user: string, id: number, name = '表彰文件.pdf') => {
      const m = multipart(name, pdf);
      return env.app.inject({
        method: 'POST',
        url: `/api/events/${id}/evidence`,
        headers: { cookie: who[user]!, ...m.headers },
        payload: m.payload,
      });
    };
    // The assessor did not record the office's bonus.
    expect((await up('assessor', bonus.id)).statusCode).toBe(403);
    const ok = await up('office', bonus.id);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ fileName: '表彰文件.pdf', contentType: 'application/pdf' });
    expect((await up('office', bonus.id)).statusCode).toBe(409);
    expect((await up('office', 99999)).statusCode).toBe(404);
    const listed = (await list('filler1')).find((e) => e.id === bonus.id)!;
    expect(listed.evidence).toMatchObject([{ id: ok.json().id, fileName: '表彰文件.pdf' }]);
    const url = `/api/evidence/${ok.json().id}`;
    const down = await api('filler1', 'GET', url);
    expect(down.statusCode).toBe(200);
    expect(Buffer.compare(down.rawPayload, pdf)).toBe(0);
    expect((await api('office', 'GET', url)).statusCode).toBe(200);
    // Unit 2 sees the approved bonus in the list but not the unit's evidence file.
    expect((await api('filler2', 'GET', url)).statusCode).toBe(404);
    expect((await api('assessor', 'GET', url)).statusCode).toBe(404);
  });
});
