import { randomUUID } from 'node:crypto';
import type { InternalClient } from '../internal-client.js';
import type { Logger } from '../logger.js';
import type { BraingraphPubSub } from '../pubsub.js';
import type { JobQueue } from './job-queue.js';
import { ClaimJobDocument, FinishJobDocument, HeartbeatJobDocument, ReportJobDocument, RequeueJobDocument } from '../../../schema/generated/internal-operations.js';

/** Published to every process when a running job is cancelled; the process running it aborts its handler. */
export const JOB_CANCEL_TOPIC = 'jobs:cancel';

/** What a handler gets: its job, an abort signal (cancel), and the progress interface (DESIGN §2). */
export interface JobRun<P = Record<string, unknown>> {
  id: string;
  type: string;
  /** Whose job it is: handlers that act for the user (their settings, their keys) act as this user. */
  userId: string;
  tenantId: string;
  payload: P;
  /** Aborted when the job is cancelled: handlers stop cooperatively (check it, or pass it to fetch). */
  signal: AbortSignal;
  progress(percent: number, stage?: string, message?: string): Promise<void>;
  log(message: string, data?: Record<string, unknown>): Promise<void>;
}

export type JobHandler<P = any> = (run: JobRun<P>) => Promise<unknown>;

// The jobs subgraph's internal operations (schema/internal/jobs): the only way other domains' handlers touch Job rows.

/** How often a running job proves its process is alive; a job silent for 3 beats is re-queued at start-up. */
export const HEARTBEAT_SECONDS = 10;

/**
 * Runs the job types this process owns: claims each job from the jobs subgraph, reports its progress there,
 * aborts it when a cancel arrives through the pub/sub, and records how it ended.
 */
export class JobRunner {
  private readonly workerId = randomUUID();
  private readonly running = new Map<string, AbortController>();
  private cancelLoop?: AsyncIterator<unknown>;
  /** Set while this process shuts down: aborted handlers then go back to the queue instead of ending cancelled. */
  private stopping = false;

  constructor(
    private readonly queue: JobQueue,
    private readonly internal: InternalClient,
    private readonly pubsub: BraingraphPubSub,
    private readonly logger: Logger,
  ) {}

  private listening = false;

  /** Listens for cancels; called by the first `register`. */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const iterator = this.pubsub.subscribe(JOB_CANCEL_TOPIC)[Symbol.asyncIterator]();
    this.cancelLoop = iterator;
    void (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        this.running.get((next.value as { jobId: string }).jobId)?.abort();
      }
    })();
  }

  async register<P>(type: string, handler: JobHandler<P>, concurrency?: number): Promise<void> {
    this.listen();
    await this.queue.work(type, ({ jobId }) => this.run(jobId, handler as JobHandler), concurrency);
  }

  private async run(jobId: string, handler: JobHandler): Promise<void> {
    const { claimJob: claim } = await this.internal.request('jobs', ClaimJobDocument, { jobId, workerId: this.workerId });
    if (!claim) return; // cancelled, finished or taken by another worker meanwhile
    const controller = new AbortController();
    this.running.set(jobId, controller);
    const beat = setInterval(() => void this.internal.request('jobs', HeartbeatJobDocument, { jobId }).catch(() => {}), HEARTBEAT_SECONDS * 1000);
    beat.unref();
    const report = (eventType: string, v: { progressPercent?: number; stage?: string; message?: string; data?: unknown }) =>
      this.internal.request('jobs', ReportJobDocument, { jobId, eventType, ...v }).then(() => undefined);
    try {
      const result = await handler({
        id: jobId,
        type: claim.jobType,
        userId: claim.userId,
        tenantId: claim.tenantId,
        payload: claim.payload as Record<string, unknown>,
        signal: controller.signal,
        progress: (percent, stage, message) => report('progress', { progressPercent: Math.round(percent), stage, message }),
        log: (message, data) => report('log', { message, data }),
      });
      if (controller.signal.aborted && this.stopping) await this.internal.request('jobs', RequeueJobDocument, { jobId });
      else await this.finish(jobId, controller.signal.aborted ? 'cancelled' : 'completed', result);
    } catch (e) {
      if (controller.signal.aborted && this.stopping) await this.internal.request('jobs', RequeueJobDocument, { jobId });
      else if (controller.signal.aborted) await this.finish(jobId, 'cancelled');
      else {
        this.logger.warn({ jobId, err: e }, 'job failed');
        await this.finish(jobId, 'failed', undefined, e instanceof Error ? e.message : String(e));
      }
    } finally {
      clearInterval(beat);
      this.running.delete(jobId);
    }
  }

  private finish(jobId: string, status: string, result?: unknown, error?: string) {
    return this.internal.request('jobs', FinishJobDocument, { jobId, status, result: result ?? null, error });
  }

  /** Stops taking jobs; jobs still running are interrupted and re-queued, so a restart loses none. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.cancelLoop?.return?.();
    for (const controller of this.running.values()) controller.abort();
    await this.queue.stop();
  }
}
