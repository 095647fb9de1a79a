import { describe, expect, it } from 'vitest';
import { buildTree, filterTree, pathTo, subtreeIds } from './tree.js';

const n = (id: number, parentId: number | null, name: string, sortOrder = 0, code = `c${id}`) => ({
  id,
  parentId,
  name,
  sortOrder,
  code,
});

describe('buildTree', () => {
  it('returns an empty forest for no rows', () => {
    expect(buildTree([])).toEqual([]);
  });

  it('nests children under parents regardless of row order', () => {
    const tree = buildTree([n(3, 2, '科室'), n(2, 1, '财政局'), n(1, null, '市')]);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.name).toBe('市');
    expect(tree[0]!.children[0]!.name).toBe('财政局');
    expect(tree[0]!.children[0]!.children[0]!.name).toBe('科室');
  });

  it('sorts siblings by sortOrder, then name, then id', () => {
    const tree = buildTree([
      n(1, null, 'root'),
      n(2, 1, 'b', 2),
      n(3, 1, 'a', 2),
      n(4, 1, 'z', 1),
      n(5, 1, 'a', 2),
    ]);
    expect(tree[0]!.children.map((c) => c.id)).toEqual([4, 3, 5, 2]);
  });

  it('keeps the row fields and adds children', () => {
    const [root] = buildTree([{ ...n(1, null, 'r'), kind: 'region' as const }]);
    expect(root).toEqual({ ...n(1, null, 'r'), kind: 'region', children: [] });
  });

  it('treats rows with an unknown parent as roots (partial visibility)', () => {
    const tree = buildTree([n(10, 99, '区县A'), n(11, 10, '部门'), n(12, 98, '区县B')]);
    expect(tree.map((r) => r.id).sort()).toEqual([10, 12]);
    expect(tree.find((r) => r.id === 10)!.children.map((c) => c.id)).toEqual([11]);
  });

  it('does not lose rows in a parent cycle or self-parent', () => {
    const tree = buildTree([n(1, 2, 'a'), n(2, 1, 'b'), n(3, 3, 'self')]);
    const all: number[] = [];
    const walk = (l: typeof tree) => {
      for (const x of l) {
        all.push(x.id);
        walk(x.children);
      }
    };
    walk(tree);
    expect(all.sort()).toEqual([1, 2, 3]);
  });

  it('does not mutate the input rows', () => {
    const rows = [n(1, null, 'r'), n(2, 1, 'c')];
    const copy = structuredClone(rows);
    buildTree(rows);
    expect(rows).toEqual(copy);
  });
});

describe('filterTree', () => {
  const tree = buildTree([
    n(1, null, '无锡市'),
    n(2, 1, '财政局', 1, 'CZJ'),
    n(3, 2, '预算科', 1),
    n(4, 1, '教育局', 2),
    n(5, 4, '财务科', 1),
  ]);

  it('returns everything for an empty query', () => {
    expect(filterTree(tree, '  ').roots).toHaveLength(1);
    expect(filterTree(tree, '').expand).toEqual([]);
  });

  it('keeps matches with their ancestors and expands the path', () => {
    const { roots, expand } = filterTree(tree, '财务');
    expect(roots[0]!.children.map((c) => c.id)).toEqual([4]);
    expect(roots[0]!.children[0]!.children.map((c) => c.id)).toEqual([5]);
    expect(expand.sort()).toEqual([1, 4]);
  });

  it('matches codes case-insensitively and keeps the subtree of a hit', () => {
    const { roots } = filterTree(tree, 'czj');
    expect(roots[0]!.children[0]!.id).toBe(2);
    expect(roots[0]!.children[0]!.children.map((c) => c.id)).toEqual([3]);
  });

  it('returns no roots when nothing matches', () => {
    expect(filterTree(tree, 'nothing').roots).toEqual([]);
  });
});

describe('subtreeIds / pathTo', () => {
  const rows = [n(1, null, 'r'), n(2, 1, 'a'), n(3, 2, 'b'), n(4, 1, 'c')];
  it('collects a node and its descendants', () => {
    expect([...subtreeIds(buildTree(rows), 2)].sort()).toEqual([2, 3]);
    expect(subtreeIds(buildTree(rows), 42).size).toBe(0);
  });
  it('walks from the root to a node', () => {
    expect(pathTo(rows, 3).map((r) => r.id)).toEqual([1, 2, 3]);
    expect(pathTo(rows, 42)).toEqual([]);
  });
});
