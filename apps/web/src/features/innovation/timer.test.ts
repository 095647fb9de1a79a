import { describe, expect, it } from 'vitest';
import { clockSkew, clockText, elapsedShare, secondsLeft, timerTone } from './timer.js';

describe('the defence timer', () => {
  const start = '2026-06-01T02:00:00.000Z';
  const deadline = '2026-06-01T02:08:00.000Z'; // 8 minutes
  const at = (iso: string) => Date.parse(iso);

  it('counts on the server clock: a browser 90 s fast still shows the server time left', () => {
    // The answer said 02:03:00 (server) and arrived when the browser read 02:04:30.
    const skew = clockSkew('2026-06-01T02:03:00.000Z', at('2026-06-01T02:04:30.000Z'));
    expect(skew).toBe(-90_000);
    // 10 s later by the browser: the server is at 02:03:10 → 4:50 left.
    expect(secondsLeft(deadline, at('2026-06-01T02:04:40.000Z'), skew)).toBe(290);
    expect(clockSkew(null, 5)).toBe(0);
    expect(clockSkew('not a time', 5)).toBe(0);
  });

  it('rounds a part second up before the deadline and counts whole seconds over it', () => {
    expect(secondsLeft(deadline, at('2026-06-01T02:07:59.200Z'), 0)).toBe(1);
    expect(secondsLeft(deadline, at(deadline), 0)).toBe(0);
    expect(secondsLeft(deadline, at('2026-06-01T02:08:05.700Z'), 0)).toBe(-5);
  });

  it('reads mm:ss, h:mm:ss from an hour, + over time', () => {
    expect(clockText(125)).toBe('02:05');
    expect(clockText(0)).toBe('00:00');
    expect(clockText(-5)).toBe('+00:05');
    expect(clockText(3725)).toBe('1:02:05');
  });

  it('turns amber in the last minute and red over time', () => {
    expect(timerTone(61)).toBe('normal');
    expect(timerTone(60)).toBe('warning');
    expect(timerTone(0)).toBe('warning');
    expect(timerTone(-1)).toBe('over');
  });

  it('the share of the time gone stays in 0–1', () => {
    expect(elapsedShare(start, deadline, at('2026-06-01T02:02:00.000Z'), 0)).toBe(0.25);
    expect(elapsedShare(start, deadline, at('2026-06-01T01:59:00.000Z'), 0)).toBe(0);
    expect(elapsedShare(start, deadline, at('2026-06-01T02:09:00.000Z'), 0)).toBe(1);
    expect(elapsedShare(start, start, at(start), 0)).toBe(1);
  });
});
