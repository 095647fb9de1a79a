import { describe, expect, it } from 'vitest';
import { WindowLimiter } from './window-limit.js';

describe('WindowLimiter', () => {
  it('blocks a key after max events inside the window, and frees it when they age out', () => {
    const l = new WindowLimiter(3, 60_000);
    for (const t of [0, 1000, 2000]) {
      expect(l.blocked('1.2.3.4', t)).toBe(false);
      l.record('1.2.3.4', t);
    }
    expect(l.blocked('1.2.3.4', 3000)).toBe(true);
    expect(l.blocked('5.6.7.8', 3000)).toBe(false); // per address
    expect(l.blocked('1.2.3.4', 60_000)).toBe(false); // the first event is 60 s old
  });
});
