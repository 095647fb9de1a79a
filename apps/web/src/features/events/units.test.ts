import type { OrgNode } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { unitsOf } from './units.js';

const node = (id: number, code: string, over: Partial<OrgNode>): OrgNode =>
  ({
    id,
    code,
    name: `单位${code}`,
    parentId: null,
    kind: 'department',
    systemId: 1,
    groupId: 5,
    sortOrder: 0,
    version: 1,
    ...over,
  }) as OrgNode;

describe('unitsOf', () => {
  const nodes = [
    node(1, 'B2', {}),
    node(2, 'A1', {}),
    node(3, 'C1', { systemId: 2 }),
    node(4, 'A0', { groupId: null }),
    node(5, 'A2', { kind: 'section' }),
  ];

  it('the evaluated units of the system, by code (no sections, none without a group)', () => {
    expect(unitsOf(nodes, 1).map((u) => u.code)).toEqual(['A1', 'B2']);
  });

  it("a system without units gives every system's", () => {
    expect(unitsOf(nodes, 9).map((u) => u.code)).toEqual(['A1', 'B2', 'C1']);
  });
});
