import PgBoss from 'pg-boss';
import type { Logger } from '../logger.js';

/** What travels on the queue: only the job's id; the jobs table holds everything else (DESIGN §8). */
export interface QueueMessage {
  jobId: string;
}

export interface EnqueueOptions {
  priority?: number;
  startAfter?: Date;
}

/**
 * The shared job queue (DESIGN §2, §8): pg-boss on the same PostgreSQL, in its own schema. Any domain's process
 * may work the job types it owns; the jobs subgraph owns the Job rows and their events.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly queues = new Set<string>();
  private starting?: Promise<void>;

  constructor(connectionString: string, readonly schema: string, private readonly logger: Logger) {
    this.boss = new PgBoss({
      connectionString,
      schema,
      max: 2,
      // Our rows decide a job's retries (POST /jobs/{id}/retry); pg-boss retries only a failed delivery (the
      // worker could not claim or record the job), which is safe: claiming is atomic and idempotent.
      retryLimit: 3,
      retryDelay: 2,
      retryBackoff: true,
      // A handler that dies with its process is re-queued at start-up from our rows, long before this.
      expireInHours: 23,
      supervise: true,
    });
    this.boss.on('error', (err) => this.logger.error({ err }, 'job queue error'));
  }

  /** Started on first use, so a process that never touches jobs never opens the queue. */
  start(): Promise<void> {
    this.starting ??= this.boss.start().then(() => undefined);
    return this.starting;
  }

  private async ensureQueue(type: string) {
    await this.start();
    if (this.queues.has(type)) return;
    // pg-boss 10 creates a table per queue; processes starting together can deadlock on that DDL or race to
    // create the same queue. Whoever loses looks again and retries: the queue exists once anyone succeeds.
    for (let attempt = 1; !(await this.boss.getQueue(type)); attempt++) {
      try {
        await this.boss.createQueue(type);
      } catch (e) {
        if (attempt >= 5) throw e;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
    this.queues.add(type);
  }

  async enqueue(type: string, jobId: string, options: EnqueueOptions = {}): Promise<void> {
    await this.ensureQueue(type);
    // pg-boss checks keys that are present, even undefined ones: send only what is set.
    const sendOptions: PgBoss.SendOptions = {};
    if (options.priority !== undefined) sendOptions.priority = options.priority;
    if (options.startAfter) sendOptions.startAfter = options.startAfter;
    await this.boss.send(type, { jobId } satisfies QueueMessage, sendOptions);
  }

  /**
   * Works one job type in this process. Polling every half second (pg-boss 10's floor) bounds the pick-up delay.
   * @param concurrency jobs of this type run at once in this process @default 2
   */
  async work(type: string, handler: (message: QueueMessage) => Promise<void>, concurrency = 2): Promise<void> {
    await this.ensureQueue(type);
    for (let i = 0; i < concurrency; i++) {
      await this.boss.work<QueueMessage>(type, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => handler(job.data));
    }
  }

  /** Waits for running handlers; they may still enqueue meanwhile (a job re-queued as its worker stops). */
  async stop(): Promise<void> {
    if (!this.starting) return;
    await this.starting;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.starting = undefined;
  }
}
