import { describe, expect, it } from 'vitest';
import { Recent } from './recent.js';

describe('Recent', () => {
  it('keeps the most recently used values and drops the least recently used', () => {
    const r = new Recent<number, string>(2);
    r.set(1, 'a');
    r.set(2, 'b');
    expect(r.get(1)).toBe('a'); // 1 is now more recent than 2
    r.set(3, 'c');
    expect(r.get(2)).toBeUndefined();
    expect([r.get(1), r.get(3)]).toEqual(['a', 'c']);
    r.delete(1);
    expect(r.get(1)).toBeUndefined();
  });
});
