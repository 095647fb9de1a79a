import { describe, expect, it } from 'vitest';
import { ballotTexts, classifyComment, commentStep } from './comment-rules.js';

const topics = [
  { code: 'efficiency', keywords: ['效率', '排队', '等待', '慢'] },
  { code: 'attitude', keywords: ['态度', '冷漠', '热情'] },
  { code: 'openness', keywords: ['公开', '透明'] },
];
const units = [
  { id: 7, name: '市发展改革委', aliases: ['发改委'] },
  { id: 9, name: '市市场监管局', aliases: ['市场监管'] },
];

describe('classifying a comment', () => {
  it('takes the topic with most keyword hits, the first on a tie', () => {
    expect(classifyComment('排队太久，办事效率低', topics).topic).toBe('efficiency'); // 2 hits
    expect(classifyComment('态度冷漠，效率一般', topics).topic).toBe('attitude'); // 2 against 1
    expect(classifyComment('效率不错，态度热情', topics).topic).toBe('attitude'); // 1 against 2
    expect(classifyComment('很好', topics).topic).toBeNull();
  });

  it('finds the unit a comment names by name or short form, and only when it names one', () => {
    expect(classifyComment('发改委窗口排队太久', topics, units).unitId).toBe(7);
    expect(classifyComment('市场监管的态度好', topics, units).unitId).toBe(9);
    expect(classifyComment('发改委和市场监管都要改进', topics, units).unitId).toBeNull();
  });
});

describe('a comment’s steps', () => {
  it.each([
    // new → dispatched → answered → closed, or back to the unit when returned
    ['new', 'dispatch', 'dispatched'],
    ['dispatched', 'answer', 'answered'],
    ['answered', 'return', 'returned'],
    ['returned', 'answer', 'answered'],
    ['answered', 'close', 'closed'],
    ['new', 'close', 'closed'], // nothing to act on
    // classifying keeps the state
    ['dispatched', 'classify', 'dispatched'],
  ] as const)('%s: %s leads to %s', (from, action, to) => {
    expect(commentStep(from, action)).toEqual({ ok: true, to });
  });

  it('refuses an answer to a closed comment, naming the status and the action', () => {
    expect(commentStep('closed', 'answer')).toEqual({
      ok: false,
      code: 'comment.state',
      params: { status: 'closed', action: 'answer' },
    });
  });

  it('takes the non-empty text answers of a ballot', () => {
    expect(ballotTexts({ q1: 'sat', advice: ' 多开窗口 ', other: '' }, ['advice', 'other'])).toEqual([
      '多开窗口',
    ]);
  });
});
