import type { TaskTarget } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { fmt, inputOf, same } from './targets.js';

describe('task book targets', () => {
  const target = { indicator: 'T1', target: 95, baseline: null, measureUnit: '%', note: null } as TaskTarget;

  it('a stored target becomes the input it was saved from', () => {
    expect(inputOf({ ...target, id: 3 } as TaskTarget)).toEqual({
      indicator: 'T1',
      target: 95,
      baseline: null,
      measureUnit: '%',
      note: null,
    });
  });

  it('a blank note or baseline equals a missing one, a changed target does not', () => {
    const a = inputOf(target);
    expect(same(a, { ...a, note: '', baseline: undefined })).toBe(true);
    expect(same(a, { ...a, target: 96 })).toBe(false);
    expect(same(a, { ...a, measureUnit: '件' })).toBe(false);
  });

  it('prints a missing number as a dash', () => {
    expect(fmt(null)).toBe('—');
    expect(fmt(undefined)).toBe('—');
    expect(fmt(0)).toBe('0');
  });
});
