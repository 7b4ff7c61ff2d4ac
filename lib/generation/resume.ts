import 'server-only';
/** Coming back to a generation: what its job kept, then the rest live (see jobs.ts for how long it is kept). */
import type { User } from '../access/user';
import { follow } from './jobs';
import { KEEPALIVE, withKeepalive } from './keepalive';
import type { StartResult } from './run';

export function resumeGeneration(jobId: unknown, user: User): StartResult {
  const events = typeof jobId === 'string' ? follow(jobId, user.id) : null;
  if (!events) {
    return {
      ok: false,
      error: {
        status: 404,
        message: `The server no longer has generation '${String(jobId).slice(0, 64)}': it ended too long ago (JOB_RETENTION_MIN), was evicted to stay under JOB_RETENTION_MB, or the server restarted. Images that had arrived before are in history.`,
        type: 'invalid_request_error',
        param: 'jobId',
        code: 'job_not_found',
      },
    };
  }
  return { ok: true, events: withKeepalive(events, KEEPALIVE) };
}
