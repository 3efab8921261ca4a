import type { JobHandler } from '../../common/jobs/job-runner.js';

/** Steps per second of sleep: enough progress events to watch, few enough to keep the event log small. */
const STEPS_PER_SECOND = 10;

/** `system.sleep {seconds}`: sleeps, reporting progress; stops at once when cancelled. */
export const systemSleep: JobHandler<{ seconds: number }> = async (run) => {
  const steps = Math.max(1, Math.round(run.payload.seconds * STEPS_PER_SECOND));
  await run.progress(0, 'sleeping', `sleeping ${run.payload.seconds}s`);
  for (let i = 1; i <= steps; i++) {
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Error('cancelled'));
      };
      const timer = setTimeout(() => {
        run.signal.removeEventListener('abort', onAbort);
        resolve();
      }, 1000 / STEPS_PER_SECOND);
      if (run.signal.aborted) return onAbort();
      run.signal.addEventListener('abort', onAbort, { once: true });
    });
    await run.progress((i / steps) * 100, 'sleeping');
  }
  return { slept_seconds: run.payload.seconds };
};
