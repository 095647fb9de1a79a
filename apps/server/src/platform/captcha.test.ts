import { describe, expect, it } from 'vitest';
import { Captcha, drawDigits } from './captcha.js';

const secret = 'c'.repeat(64);

/** What only a holder of the secret can do: try every answer against the token's signature. */
function solve(token: string, now: number): string {
  for (let i = 0; i < 10_000; i++) {
    const answer = String(i).padStart(4, '0');
    if (new Captcha(secret).check(token, answer, now) === 'ok') return answer;
  }
  throw new Error('no answer');
}

describe('Captcha', () => {
  it('draws the digits as strokes: the markup holds no digit text', () => {
    const svg = drawDigits('4711');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('<text');
    // 4 and 7 are one stroke each, 1 is two: six strokes.
    expect(svg.match(/<polyline/g)!.length).toBe(6);
  });

  it('accepts the right answer once, and refuses a wrong, a reused and an expired one', () => {
    const c = new Captcha(secret);
    const { token } = c.challenge(0);
    const answer = solve(token, 0);
    const wrong = String((Number(answer) + 1) % 10_000).padStart(4, '0');
    expect(c.check(token, wrong, 1000)).toBe('wrong');
    expect(c.check(token, answer, 1000)).toBe('ok');
    expect(c.check(token, answer, 2000)).toBe('used');
    const later = c.challenge(0);
    expect(c.check(later.token, solve(later.token, 0), 5 * 60_000 + 1)).toBe('expired');
  });

  it('refuses a token signed under another secret or altered', () => {
    const { token } = new Captcha('d'.repeat(64)).challenge(0);
    const c = new Captcha(secret);
    expect(
      Array.from({ length: 10_000 }, (_, i) => c.check(token, String(i).padStart(4, '0'), 0)).includes('ok'),
    ).toBe(false);
    expect(c.check('garbage', '1234', 0)).toBe('wrong');
  });
});
