import { describe, expect, it } from 'vitest';
import { checkCoverage, parentsFirst } from './coverage.js';

const part = (key: string, parentKey: string | null, target: number | null, label = key) => ({
  key,
  parentKey,
  target,
  label,
});

describe('checkCoverage', () => {
  it('sum: 0.1 + 0.2 covers 0.3 (no float drift)', () => {
    const c = checkCoverage('sum', 0.3, 'T1', [part('a', null, 0.1), part('b', null, 0.2)]);
    expect(c.ok).toBe(true);
    expect(c.groups).toEqual([{ parent: null, label: 'T1', whole: '0.3', total: '0.3', ok: true }]);
  });

  it('sum: parts short of the target fail with the total and the whole', () => {
    const c = checkCoverage('sum', 100, 'T1', [part('a', null, 60), part('b', null, 30)]);
    expect(c.ok).toBe(false);
    expect(c.problems).toEqual([{ kind: 'sum', parent: null, total: '90', whole: '100' }]);
    expect([...c.badKeys].sort()).toEqual(['a', 'b']);
  });

  it('sum: nested parts are checked against their parent part', () => {
    const c = checkCoverage('sum', 100, 'T1', [
      part('a', null, 60),
      part('b', null, 40),
      part('a1', 'a', 20),
      part('a2', 'a', 30),
    ]);
    expect(c.problems).toEqual([{ kind: 'sum', parent: 'a', total: '50', whole: '60' }]);
    expect([...c.badKeys].sort()).toEqual(['a1', 'a2']);
    expect(c.groups.map((g) => g.ok)).toEqual([true, false]);
  });

  it('each: every part must be at least the whole', () => {
    const c = checkCoverage('each', 95, 'T1', [part('a', null, 95), part('b', null, 94.5)]);
    expect(c.problems).toEqual([{ kind: 'below', key: 'b', parent: null, value: '94.5', whole: '95' }]);
    expect(checkCoverage('each', 95, 'T1', [part('a', null, 95), part('b', null, 99)]).ok).toBe(true);
  });

  it('missing targets and too many decimals are problems; free checks nothing', () => {
    const c = checkCoverage('sum', 10, 'T1', [part('a', null, null), part('b', null, 1.0000001)]);
    expect(c.problems).toEqual([
      { kind: 'missing', key: 'a' },
      { kind: 'precision', key: 'b' },
    ]);
    expect(c.ok).toBe(false);
    expect(checkCoverage('free', 10, 'T1', [part('a', null, null)]).ok).toBe(true);
  });

  it('a task without a target cannot be split', () => {
    const c = checkCoverage('sum', null, 'T1', [part('a', null, 1)]);
    expect(c.problems).toEqual([{ kind: 'no_whole', parent: null }]);
  });

  it('no parts: nothing to check', () => {
    expect(checkCoverage('sum', 10, 'T1', []).ok).toBe(true);
  });
});

describe('parentsFirst', () => {
  it('puts parents before children, keeping sibling order, dropping orphans', () => {
    const out = parentsFirst([
      part('a1', 'a', 1),
      part('b', null, 1),
      part('a', null, 1),
      part('x', 'gone', 1),
      part('a2', 'a', 1),
    ]);
    expect(out.map((p) => p.key)).toEqual(['b', 'a', 'a1', 'a2']);
  });
});
