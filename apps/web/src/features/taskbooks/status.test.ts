import { dictKeys } from '@jixiao/contracts';
import { describe, expect, it } from 'vitest';
import { en as enAll, zhCN as zhAll } from '../../i18n/resources.js';
import { awaitingAction, changeLine, rowErrors, statusStep } from './status.js';

const en = enAll.taskbooks;
const zhCN = zhAll.taskbooks;

describe('statusStep', () => {
  it('maps each status to its step', () => {
    expect(statusStep('draft', null)).toEqual({ current: 0, status: 'process' });
    expect(statusStep('submitted', null)).toEqual({ current: 1, status: 'process' });
    expect(statusStep('confirmed', null)).toEqual({ current: 2, status: 'process' });
    expect(statusStep('reviewed', null)).toEqual({ current: 3, status: 'process' });
    expect(statusStep('issued', null)).toEqual({ current: 4, status: 'finish' });
  });
  it('shows a returned draft as an error on the first step', () => {
    expect(statusStep('draft', '目标偏低')).toEqual({ current: 0, status: 'error' });
  });
});

describe('awaitingAction', () => {
  it('asks reviewers to review confirmed books and the office to issue reviewed ones', () => {
    expect(awaitingAction('confirmed', { review: true, issue: false })).toBe('review');
    expect(awaitingAction('reviewed', { review: true, issue: false })).toBeNull();
    expect(awaitingAction('reviewed', { review: true, issue: true })).toBe('issue');
    expect(awaitingAction('submitted', { review: true, issue: true })).toBeNull();
    expect(awaitingAction('issued', { review: true, issue: true })).toBeNull();
  });
});

describe('rowErrors', () => {
  it('groups field errors by row, first message wins', () => {
    const m = rowErrors(
      [
        { field: 'parts[1].target', message: 'sum off' },
        { field: 'parts[1].orgNodeId', message: 'second' },
        { field: 'parts[3].parentKey', message: 'nested' },
        { field: 'stamp', message: 'ignored' },
        'junk',
      ],
      'parts',
    );
    expect([...m.entries()]).toEqual([
      [1, { field: 'target', message: 'sum off' }],
      [3, { field: 'parentKey', message: 'nested' }],
    ]);
    expect(rowErrors(undefined, 'parts').size).toBe(0);
    expect(rowErrors([{ field: 'targets[0].indicator', message: 'x' }], 'parts').size).toBe(0);
  });
});

describe('taskbooks i18n', () => {
  it('has the same keys in zh-CN and en', () => {
    expect(dictKeys(en).sort()).toEqual(dictKeys(zhCN).sort());
  });
});

describe('changeLine', () => {
  const p = { indicator: 'T2.K1', target: 325 };
  it('shows the current target as the old one while the request is pending', () => {
    expect(changeLine(p, { name: '重点工作一', target: 318 }, 'pending')).toBe('T2.K1 重点工作一: 318 → 325');
  });
  it('does not show the current (already changed) target as the old one once decided', () => {
    // Approved: the book now holds 325; "325 → 325" would hide the change.
    expect(changeLine(p, { name: '重点工作一', target: 325 }, 'approved')).toBe('T2.K1 重点工作一: → 325');
    expect(changeLine(p, { name: '重点工作一', target: 318 }, 'rejected')).toBe('T2.K1 重点工作一: → 325');
  });
  it('shows a missing target as a dash', () => {
    expect(changeLine({ indicator: 'X', target: null }, undefined, 'pending')).toBe('X : — → —');
  });
});
