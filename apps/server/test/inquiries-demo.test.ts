import { describe, expect, it } from 'vitest';
import { useDemoCity } from './use-app.js';

describe('demo: the year-end expert review (质询)', () => {
  const { get } = useDemoCity();

  it('the expert reviews A01, A02 and B1-01: one inquiry answered, one open, one closed with a deduction', async () => {
    const units = await get('expert', '/api/inquiry-assignments');
    expect(units.map((a: { unitCode: string }) => a.unitCode)).toEqual(['A01', 'A02', 'B1-01']);
    const asked = await get('expert', '/api/inquiries');
    expect(
      asked.map((i: { unitCode: string; status: string }) => `${i.unitCode} ${i.status}`).sort(),
    ).toEqual(['A01 answered', 'A01 open', 'A02 closed']);
    expect(asked.find((i: { status: string }) => i.status === 'answered').can.close).toBe(true);
    const review = await get('expert', `/api/inquiry-assignments/${units[0].id}/review`);
    expect(
      review.lines.some(
        (l: { indicator: string; value: number | null }) => l.indicator === 'T1' && l.value !== null,
      ),
    ).toBe(true);
  });

  it('A02’s deduction is a deduction event of 2026-Y; A01 sees its own two inquiries, B1-01’s filler none', async () => {
    const closed = (await get('expert', '/api/inquiries')).find(
      (i: { status: string }) => i.status === 'closed',
    );
    const events = await get(
      'office',
      `/api/events?planId=${closed.planId}&kind=deduction&unitId=${closed.unitId}`,
    );
    expect(events.find((e: { id: number }) => e.id === closed.eventId)).toMatchObject({
      code: 'inquiry_deduction',
      points: 0.5,
      period: '2026-Y',
    });
    const mine = await get('filler', '/api/inquiries');
    expect(mine.map((i: { status: string }) => i.status).sort()).toEqual(['answered', 'open']);
    expect(mine.find((i: { status: string }) => i.status === 'open').can.answer).toBe(true);
    expect(await get('filler2', '/api/inquiries')).toEqual([]);
  });
});
