import { describe, expect, it } from 'vitest';
import { diffKeys, jsonEqual, snapshotLines } from './diff.js';

describe('diffKeys', () => {
  it('lists changed, added and removed keys, sorted', () => {
    expect(
      diffKeys(
        { name: '财政局', sortOrder: 1, code: 'CZ', gone: 1 },
        { name: '市财政局', sortOrder: 1, code: 'CZ', added: true },
      ),
    ).toEqual(['added', 'gone', 'name']);
  });

  it('reports nothing for equal snapshots, whatever the key order', () => {
    expect(diffKeys({ a: 1, b: { x: [1, 2], y: null } }, { b: { y: null, x: [1, 2] }, a: 1 })).toEqual([]);
  });

  it('compares nested values deeply', () => {
    expect(diffKeys({ grants: [{ role: 'leader' }] }, { grants: [{ role: 'expert' }] })).toEqual(['grants']);
    expect(diffKeys({ refs: ['a', 'b'] }, { refs: ['b', 'a'] })).toEqual(['refs']);
  });

  it('treats a missing side as empty (create and delete)', () => {
    expect(diffKeys(null, { id: 1, name: 'x' })).toEqual(['id', 'name']);
    expect(diffKeys({ id: 1 }, null)).toEqual(['id']);
    expect(diffKeys(null, null)).toEqual([]);
    expect(diffKeys(undefined, {})).toEqual([]);
  });

  it('distinguishes null from a missing key, but not undefined from a missing key', () => {
    expect(diffKeys({ title: null }, {})).toEqual(['title']);
    expect(diffKeys({ title: undefined }, {})).toEqual([]);
  });

  it('compares non-object snapshots whole', () => {
    expect(diffKeys('a', 'b')).toEqual(['']);
    expect(diffKeys([1], [1])).toEqual([]);
    expect(diffKeys(1, { a: 1 })).toEqual(['']);
  });
});

describe('jsonEqual', () => {
  it('handles primitives and type mismatches', () => {
    expect(jsonEqual(1, 1)).toBe(true);
    expect(jsonEqual(1, '1')).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
  });
});

describe('snapshotLines', () => {
  it('prints one sorted line per key', () => {
    expect(snapshotLines({ b: 2, a: 'x' })).toEqual([
      { key: 'a', text: '"a": "x"' },
      { key: 'b', text: '"b": 2' },
    ]);
    expect(snapshotLines(null)).toEqual([]);
    expect(snapshotLines(3)).toEqual([{ key: '', text: '3' }]);
  });
});
