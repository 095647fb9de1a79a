import { describe, expect, it } from 'vitest';
import { actionsFor } from './actions.js';

describe('notice actions per role', () => {
  it('the unit acknowledges and answers open notices', () => {
    expect(actionsFor('open', ['notices.read', 'notices.answer'])).toEqual(['acknowledge', 'answer']);
    expect(actionsFor('acknowledged', ['notices.answer'])).toEqual(['answer']);
    expect(actionsFor('answered', ['notices.answer'])).toEqual([]);
  });
  it('the office routes observations, closes or escalates', () => {
    expect(actionsFor('filed', ['notices.issue'])).toEqual(['route']);
    expect(actionsFor('answered', ['notices.issue'])).toEqual(['close', 'escalate']);
    expect(actionsFor('closed', ['notices.issue', 'notices.answer'])).toEqual([]);
  });
  it('an observer only reads', () => {
    expect(actionsFor('open', ['notices.read', 'observations.file'])).toEqual([]);
  });
});
