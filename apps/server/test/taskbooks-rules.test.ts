import { describe, expect, it } from 'vitest';
import {
  checkCoverage,
  formatScaled,
  type PartNode,
  toScaled,
} from '../src/modules/taskbooks/decomposition.js';
import {
  availableActions,
  type Capability,
  type TaskBookAction,
  type TaskBookStatus,
  transition,
} from '../src/modules/taskbooks/taskbook-state.js';

const caps = (...c: Capability[]) => new Set(c);
const roles = {
  filler: caps('edit'),
  leader: caps('edit', 'confirm'),
  reviewer: caps('review'),
  office: caps('review', 'issue'),
};
const { filler, leader, office } = roles;

/** A step and what transition(from, action, the role's capabilities) must answer to it. */
type Step = [TaskBookStatus, TaskBookAction, keyof typeof roles, unknown];
const to = (state: TaskBookStatus) => ({ ok: true, to: state });
const refused = (code: 'FORBIDDEN' | 'CONFLICT') => expect.objectContaining({ ok: false, code });

describe('task book state machine', () => {
  it.each<Step>([
    // walks draft → submitted → confirmed → reviewed → issued with the right roles
    ['draft', 'submit', 'filler', to('submitted')],
    ['submitted', 'confirm', 'leader', to('confirmed')],
    ['draft', 'confirm', 'leader', to('confirmed')],
    ['confirmed', 'review', 'reviewer', to('reviewed')],
    ['reviewed', 'issue', 'office', to('issued')],
    // refuses a step the role may not take (403) and a step out of order (409)
    ['submitted', 'confirm', 'filler', refused('FORBIDDEN')],
    ['confirmed', 'review', 'leader', refused('FORBIDDEN')],
    ['reviewed', 'issue', 'reviewer', refused('FORBIDDEN')],
    ['draft', 'issue', 'office', refused('CONFLICT')],
    ['issued', 'edit', 'filler', refused('CONFLICT')],
    ['submitted', 'edit', 'filler', refused('CONFLICT')],
    // returns go back to draft: the leader returns what awaits confirmation, reviewers the rest
    ['submitted', 'return', 'leader', to('draft')],
    ['submitted', 'return', 'reviewer', refused('FORBIDDEN')],
    ['confirmed', 'return', 'reviewer', to('draft')],
    ['confirmed', 'return', 'leader', refused('FORBIDDEN')],
    ['reviewed', 'return', 'office', to('draft')],
    ['issued', 'return', 'office', refused('CONFLICT')],
  ])('%s: %s by the %s', (from, action, role, answer) => {
    expect(transition(from, action, roles[role])).toEqual(answer);
  });
  it('after issue only a change request is open to the unit', () => {
    expect(availableActions('issued', leader)).toEqual(['request_change']);
    expect(availableActions('draft', filler)).toEqual(['edit', 'submit']);
    expect(availableActions('confirmed', office)).toEqual(['return', 'review']);
  });
});

/** The part at `index` with `target`: under the root unless `parent` names another part; called p0, p1, … unless `label` says. */
const part = (
  index: number,
  target: number | null,
  { parent = null, label = `p${index}` }: { parent?: number | null; label?: string } = {},
): PartNode => ({ index, label, target, parentIndex: parent });

describe('decomposition coverage', () => {
  it('exact decimals: 0.1 + 0.2 = 0.3 passes the sum rule', () => {
    expect(0.1 + 0.2 === 0.3).toBe(false); // why floats are not used
    expect(checkCoverage('sum', 0.3, 'T', [part(0, 0.1), part(1, 0.2)])).toEqual([]);
    expect(toScaled(0.3)).toBe(300000n);
    expect(formatScaled(-1500000n)).toBe('-1.5');
    expect(toScaled(0.1234567)).toBeNull();
  });
  it('sum: a shortfall names the parent and the last part, at every level', () => {
    expect(
      checkCoverage('sum', 100, 'T1', [
        part(0, 60, { label: '综合科' }),
        part(1, 39.99, { label: '财务科' }),
      ]),
    ).toEqual([
      { field: 'parts[1].target', message: 'the parts of "T1" (综合科, 财务科) add up to 99.99, not 100' },
    ]);
    const nested = [
      part(0, 100, { label: '综合科' }),
      part(1, 50, { parent: 0, label: '张三' }),
      part(2, 49, { parent: 0, label: '李四' }),
    ];
    expect(checkCoverage('sum', 100, 'T1', nested)).toEqual([
      { field: 'parts[2].target', message: 'the parts of "综合科" (张三, 李四) add up to 99, not 100' },
    ]);
  });
  it('each: every part must be at least its parent', () => {
    expect(checkCoverage('each', 0.3, 'T2', [part(0, 0.3), part(1, 0.5)])).toEqual([]);
    expect(checkCoverage('each', 0.3, 'T2', [part(0, 0.3), part(1, 0.29, { label: '李四' })])).toEqual([
      {
        field: 'parts[1].target',
        message: 'part "李四" (0.29) is below "T2" (0.3); each part must be at least the whole',
      },
    ]);
  });
  it('free: anything goes; a missing target is named under sum and each', () => {
    expect(checkCoverage('free', 10, 'T', [part(0, 1), part(1, null)])).toEqual([]);
    expect(checkCoverage('sum', 10, 'T', [part(0, 10), part(1, null, { label: '王五' })])).toEqual([
      { field: 'parts[1].target', message: 'part "王五" has no target' },
    ]);
    expect(checkCoverage('sum', null, 'T', [part(0, 1)])[0]!.message).toBe('"T" has no target to split');
  });
});
