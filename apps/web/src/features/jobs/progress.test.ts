import { describe, expect, it } from 'vitest';
import { isRunning, jobProgress } from './progress.js';

describe('job progress', () => {
  it('shows the share of units done, rounded down, while running', () => {
    // 2 of 3 units: 66.67 % shows as 66 (never 100 before the job is done).
    expect(jobProgress({ status: 'running', done: 2, total: 3 })).toEqual({ percent: 66, status: 'active' });
    expect(jobProgress({ status: 'running', done: 0, total: 0 })).toEqual({ percent: 0, status: 'active' });
    expect(jobProgress({ status: 'queued', done: 0, total: 0 })).toEqual({ percent: 0, status: 'normal' });
  });

  it('a finished job is full; a failed one keeps where it stopped', () => {
    expect(jobProgress({ status: 'done', done: 3, total: 3 })).toEqual({ percent: 100, status: 'success' });
    expect(jobProgress({ status: 'failed', done: 1, total: 4 })).toEqual({
      percent: 25,
      status: 'exception',
    });
  });

  it('queued and running jobs are still running', () => {
    expect(['queued', 'running', 'done', 'failed'].filter((s) => isRunning({ status: s as 'done' }))).toEqual(
      ['queued', 'running'],
    );
  });
});
