// Follows an audit export job until it is done or failed, reporting each state seen.

/**
 * @param fetchJob () => Promise<JobView> (GET /api/v1/audit/exports/{id})
 * @param onUpdate called with every JobView, the last one DONE or FAILED
 * @param wait (ms) => Promise, between polls
 * @returns the final JobView
 */
export async function followExport(fetchJob, onUpdate, { wait = (ms) => new Promise((r) => setTimeout(r, ms)), intervalMs = 700, maxPolls = 2000 } = {}) {
  for (let i = 0; i < maxPolls; i++) {
    const job = await fetchJob();
    onUpdate(job);
    if (job.status !== 'RUNNING') return job;
    await wait(intervalMs);
  }
  throw new Error('The export is still running; look again later.');
}

/** "42 %" style progress for a job view; null while the target is unknown. */
export function percentOf(job) {
  if (!job) return null;
  if (job.status === 'DONE') return 100;
  if (typeof job.percent === 'number') return Math.max(0, Math.min(100, job.percent));
  if (job.positionTarget > 0) return Math.floor((100 * job.positionReached) / job.positionTarget);
  return null;
}
