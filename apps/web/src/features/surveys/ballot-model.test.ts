import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.js';
import { answersToSend, codeFromHash, refusals } from './ballot-model.js';

describe('ballot page model', () => {
  it('reads the code of a QR link from the fragment', () => {
    expect(codeFromHash('#ABCD-EFGH-JKMN-PQRS')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(codeFromHash('')).toBe('');
  });

  it('sends only the answers given', () => {
    const qs = [
      { id: 'a', type: 'text', title: 'a', required: false, maxLength: 10 },
      {
        id: 'm',
        type: 'matrix',
        title: 'm',
        required: false,
        scored: true,
        scale: { kind: 'range', min: 1, max: 5 },
        rows: [],
      },
      { id: 'c', type: 'multiple', title: 'c', required: false, options: [] },
    ] as never;
    expect(answersToSend({ a: '', m: { x: 3, y: undefined }, c: [] }, qs)).toEqual({ m: { x: 3 } });
  });

  it('turns the server’s refusals into keys with their parameters, per question', () => {
    const used = new ApiError(409, 'CONFLICT', 'survey.code_used', { code: 'survey.code_used', params: {} });
    expect(refusals(used)).toEqual([{ key: 'ballot.error.code_used', params: {} }]);
    const bad = new ApiError(400, 'VALIDATION_FAILED', 'x', [
      { path: 'answers.q2', code: 'survey.out_of_range', params: { question: 'q2', min: 1, max: 5 } },
    ]);
    expect(refusals(bad)).toEqual([
      { key: 'ballot.error.out_of_range', params: { question: 'q2', min: 1, max: 5 }, question: 'q2' },
    ]);
    expect(refusals(new ApiError(429, 'RATE_LIMITED', 'x'))).toEqual([
      { key: 'ballot.error.attempts', params: {} },
    ]);
    expect(refusals(new Error('offline'))).toEqual([{ key: 'ballot.error.network', params: {} }]);
  });
});
