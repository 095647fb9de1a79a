import type { CampaignDetail } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  type GroupValues,
  newCampaign,
  newGroup,
  surveyLeaves,
  unitsBySystemGroup,
  updateOf,
  valuesOf,
} from './campaign-form.js';

// What the form edits of a group; the stored group adds its id and code counts.
const groupValues = {
  code: 'service',
  name: '服务对象',
  kind: 'service_objects',
  weight: 2,
  minSample: 12,
  indicator: 'S4',
  questionnaireId: 5,
  unitIds: [21, 22],
  channel: 'code',
} satisfies GroupValues;

const stored: CampaignDetail = {
  id: 7,
  planId: 3,
  name: '2026 年终测评',
  kind: 'year_end',
  period: '2026-Y',
  indicator: null,
  anonymous: true,
  method: 'share',
  shareFrom: 80,
  // 00:00 on 1 December and 23:59 on 31 December, Beijing time.
  opensAt: '2026-11-30T16:00:00.000Z',
  closesAt: '2026-12-31T15:59:00.000Z',
  status: 'draft',
  version: 4,
  createdAt: '2026-11-20T02:00:00.000Z',
  createdBy: 'office',
  scoredAt: null,
  scoredBy: null,
  groups: [{ id: 11, ...groupValues, codesIssued: 30, codesUsed: 3 }],
};

describe('a campaign as form values and back', () => {
  it('shows the stored times in Beijing time and drops what the form does not edit', () => {
    const v = valuesOf(stored);
    expect(v.opensAt).toBe('2026-12-01 00:00');
    expect(v.closesAt).toBe('2026-12-31 23:59');
    expect(v.groups).toEqual([groupValues]);
  });

  it('sends Beijing times with +08:00 and the version of an edit without the plan', () => {
    const body = updateOf({ ...valuesOf(stored), opensAt: '2026-12-02 08:30' }, 4);
    expect(body).toMatchObject({
      opensAt: '2026-12-02T08:30:00+08:00',
      closesAt: '2026-12-31T23:59:00+08:00',
      version: 4,
      method: 'share',
      shareFrom: 80,
    });
    expect('planId' in body).toBe(false);
  });

  it('starts a new campaign at the year end, anonymous, and sends an unset indicator as null', () => {
    const v = newCampaign(3, 2026);
    expect(v).toMatchObject({ period: '2026-Y', kind: 'year_end', anonymous: true, method: 'mean' });
    const body = bodyOf({
      ...v,
      indicator: undefined,
      groups: [{ ...stored.groups[0]!, indicator: undefined }],
    });
    expect(body.indicator).toBeNull();
    expect(body.groups[0]!.indicator).toBeNull();
    expect(body.opensAt).toBe('2026-12-01T00:00:00+08:00');
  });

  it('gives a new group the next unused code', () => {
    expect(newGroup([{ code: 'g2' }])).toMatchObject({
      code: 'g3',
      kind: 'public',
      channel: 'code',
      weight: 1,
    });
    expect(newGroup([])).toMatchObject({ code: 'g1' });
  });
});

describe('what the form offers from the plan', () => {
  it('lists the satisfaction leaves, sub-items included, and not their parents', () => {
    const doc = {
      indicators: [
        { code: 'S', name: '社会评价' },
        { code: 'S1', name: '领导评议', parent: 'S', method: { kind: 'satisfaction' } },
        { code: 'K1', name: '重点工作', method: { kind: 'completion' } },
        {
          code: 'S5',
          name: '群众评议',
          method: { kind: 'satisfaction' },
          subItems: [
            { code: 'a', name: '窗口' },
            { code: 'b', name: '热线', method: { kind: 'ratio' } },
          ],
        },
      ],
    };
    expect(surveyLeaves(doc)).toEqual([
      { code: 'S1', name: '领导评议' },
      { code: 'S5.a', name: '群众评议 · 窗口' },
    ]);
    expect(surveyLeaves(undefined)).toEqual([]);
  });

  it('groups the units of the plan system by org group, leaving other systems and empty groups out', () => {
    const out = unitsBySystemGroup(
      1,
      [
        { id: 10, code: 'C', name: '市级部门', systemId: 1 },
        { id: 20, code: 'D', name: '区', systemId: 2 },
      ],
      [
        { id: 100, code: 'A', name: '综合部门', categoryId: 10 },
        { id: 101, code: 'B', name: '空组', categoryId: 10 },
        { id: 200, code: 'X', name: '城区', categoryId: 20 },
      ],
      [
        { id: 1, code: 'u1', name: '甲局', groupId: 100 },
        { id: 2, code: 'u2', name: '乙区', groupId: 200 },
        { id: 3, code: 'u3', name: '丙局', groupId: 100 },
      ],
    );
    expect(out.map((x) => [x.group.code, x.units.map((u) => u.id)])).toEqual([['A', [1, 3]]]);
  });
});
