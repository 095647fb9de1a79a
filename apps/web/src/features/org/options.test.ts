import { describe, expect, it } from 'vitest';
import { buildHierarchy, groupOptions } from './options.js';

const systems = [
  { id: 1, code: 'county', name: '区县', ownerOrgId: null, version: 1 },
  { id: 2, code: 'dept', name: '市直机关', ownerOrgId: 5, version: 3 },
];
const categories = [
  { id: 10, systemId: 1, code: 'A', name: '第一类', version: 1 },
  { id: 11, systemId: 2, code: 'B', name: '综合部门', version: 1 },
  { id: 12, systemId: 2, code: 'C', name: '空类别', version: 1 },
];
const groups = [
  { id: 100, categoryId: 10, code: 'A1', name: 'A1组', version: 1 },
  { id: 101, categoryId: 11, code: 'B1', name: 'B1组', version: 2 },
];

describe('groupOptions', () => {
  it('limits groups to the chosen system, grouped by category, skipping empty categories', () => {
    expect(groupOptions(2, categories, groups)).toEqual([
      { label: '综合部门', title: '综合部门', options: [{ value: 101, label: 'B1组' }] },
    ]);
  });
  it('offers all groups when no system is chosen', () => {
    expect(groupOptions(null, categories, groups).flatMap((o) => o.options.map((x) => x.value))).toEqual([
      100, 101,
    ]);
  });
});

describe('buildHierarchy', () => {
  it('nests groups under categories under systems', () => {
    const rows = buildHierarchy(systems, categories, groups);
    expect(rows.map((r) => r.key)).toEqual(['s1', 's2']);
    expect(rows[1]!.children!.map((c) => c.key)).toEqual(['c11', 'c12']);
    expect(rows[1]!.children![0]!.children![0]).toMatchObject({ key: 'g101', type: 'group', version: 2 });
    expect(rows[1]!.children![1]!.children).toBeUndefined();
    expect(rows[1]!.ownerOrgId).toBe(5);
  });
});
