import type { DecompositionTree } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { candidates, newPart, type Part, toRows, withoutSubtree } from './parts.js';

const part = (key: string, parentKey: string | null, over: Partial<Part> = {}): Part => ({
  key,
  parentKey,
  orgNodeId: null,
  staffId: null,
  target: null,
  note: null,
  label: key,
  ...over,
});

// 科室 1 and 2 under the unit 10; 科室 3 under 科室 1; one person in 科室 1 and one in 科室 2.
const tree = {
  nodes: [
    { id: 10, parentId: null, name: '单位' },
    { id: 1, parentId: 10, name: '一科' },
    { id: 2, parentId: 10, name: '二科' },
    { id: 3, parentId: 1, name: '一科一组' },
  ],
  staff: [
    { id: 7, orgNodeId: 1, name: '张三' },
    { id: 8, orgNodeId: 2, name: '李四' },
  ],
} as unknown as DecompositionTree;

describe('decomposition parts', () => {
  it('nests parts under their parents, leaves without children', () => {
    const rows = toRows([part('a', null), part('b', 'a'), part('c', null)]);
    expect(rows.map((r) => r.key)).toEqual(['a', 'c']);
    expect(rows[0]!.children?.map((r) => r.key)).toEqual(['b']);
    expect(rows[1]!.children).toBeUndefined();
  });

  it('at the top anyone not yet given a part may receive one', () => {
    const c = candidates(tree, null, [part('a', null, { orgNodeId: 1 })]);
    expect(c.nodes.map((n) => n.value)).toEqual(['n:10', 'n:2', 'n:3']);
    expect(c.staff.map((s) => s.label)).toEqual(['张三 · 一科', '李四 · 二科']);
  });

  it('under a node only what lies below it, the node itself left out', () => {
    const c = candidates(tree, part('a', null, { orgNodeId: 1 }), []);
    expect(c.nodes.map((n) => n.value)).toEqual(['n:3']);
    expect(c.staff.map((s) => s.value)).toEqual(['s:7']);
  });

  it('removing a part removes everything under it', () => {
    const parts = [part('a', null), part('b', 'a'), part('c', 'b'), part('d', null)];
    expect(withoutSubtree(parts, 'a').map((p) => p.key)).toEqual(['d']);
    expect(withoutSubtree(parts, 'c').map((p) => p.key)).toEqual(['a', 'b', 'd']);
  });

  it('a picked person or node becomes an empty part under its parent, named', () => {
    expect(newPart(tree, 'a', 's:8')).toMatchObject({
      parentKey: 'a',
      staffId: 8,
      orgNodeId: null,
      label: '李四',
    });
    expect(newPart(tree, null, 'n:3')).toMatchObject({
      parentKey: null,
      orgNodeId: 3,
      staffId: null,
      target: null,
    });
  });
});
