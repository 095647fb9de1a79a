import { describe, expect, it } from 'vitest';
import { deadlineOf, defenceStep, sessionStatusOf, sheetRefusal } from './defence-state.js';

describe('a project in a defence session (现场+答辩)', () => {
  it('waiting → presenting → scoring → closed; close also straight from presenting', () => {
    expect(defenceStep('waiting', 'present')).toEqual({ ok: true, to: 'presenting' });
    expect(defenceStep('presenting', 'score')).toEqual({ ok: true, to: 'scoring' });
    expect(defenceStep('scoring', 'close')).toEqual({ ok: true, to: 'closed' });
    expect(defenceStep('presenting', 'close')).toEqual({ ok: true, to: 'closed' });
  });

  it('refuses every other step with the state and the action', () => {
    expect(defenceStep('waiting', 'close')).toEqual({
      ok: false,
      code: 'innovation.defence_state',
      params: { status: 'waiting', action: 'close' },
    });
    expect(defenceStep('closed', 'present').ok).toBe(false);
    expect(defenceStep('scoring', 'present').ok).toBe(false);
  });

  it('sheets: taken online and while heard; not before its turn; locked once closed', () => {
    expect(sheetRefusal(null)).toBeNull();
    expect(sheetRefusal('presenting')).toBeNull();
    expect(sheetRefusal('scoring')).toBeNull();
    expect(sheetRefusal('waiting')).toMatchObject({ code: 'innovation.score_not_open' });
    expect(sheetRefusal('closed')).toMatchObject({ code: 'innovation.score_locked' });
  });

  it("the session's status and the presentation's deadline", () => {
    expect(sessionStatusOf(['waiting', 'waiting'])).toBe('planned');
    expect(sessionStatusOf(['closed', 'waiting'])).toBe('running');
    expect(sessionStatusOf(['closed', 'closed'])).toBe('finished');
    expect(deadlineOf(new Date('2026-03-01T08:00:00Z'), 8)?.toISOString()).toBe('2026-03-01T08:08:00.000Z');
    expect(deadlineOf(null, 8)).toBeNull();
  });
});
