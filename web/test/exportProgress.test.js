import { describe, expect, it } from 'vitest';
import { followExport, percentOf } from '../src/screens/auditor/exportProgress.js';

describe('followExport', () => {
  it('polls until the job leaves RUNNING and reports every state seen', async () => {
    const states = [
      { status: 'RUNNING', percent: 10 },
      { status: 'RUNNING', percent: 60 },
      { status: 'DONE', percent: 100 },
    ];
    const seen = [];
    const waits = [];
    const last = await followExport(async () => states.shift(), (job) => seen.push(job.percent), {
      wait: async (ms) => waits.push(ms),
      intervalMs: 5,
    });
    expect(last.status).toBe('DONE');
    expect(seen).toEqual([10, 60, 100]);
    expect(waits).toEqual([5, 5]);
  });

  it('stops at a failed job instead of polling on', async () => {
    let polls = 0;
    const last = await followExport(async () => { polls++; return { status: 'FAILED' }; }, () => {}, { wait: async () => {} });
    expect(last.status).toBe('FAILED');
    expect(polls).toBe(1);
  });

  it('gives up after the poll limit with a message, not an endless loop', async () => {
    await expect(followExport(async () => ({ status: 'RUNNING' }), () => {}, { wait: async () => {}, maxPolls: 3 }))
      .rejects.toThrow(/still running/);
  });
});

describe('percentOf', () => {
  it('is unknown without a job or a target', () => {
    expect(percentOf(null)).toBeNull();
    expect(percentOf({ status: 'RUNNING' })).toBeNull();
  });
  it('is 100 once done, whatever the counters say', () => {
    expect(percentOf({ status: 'DONE', percent: 40 })).toBe(100);
  });
  it('clamps a reported percentage and otherwise derives it from positions', () => {
    expect(percentOf({ status: 'RUNNING', percent: 140 })).toBe(100);
    expect(percentOf({ status: 'RUNNING', percent: -3 })).toBe(0);
    expect(percentOf({ status: 'RUNNING', positionReached: 250, positionTarget: 1000 })).toBe(25);
  });
});
