import type { Env } from '../subgraphs/common/env.js';
import type { SubgraphDeps } from '../subgraphs/common/deps.js';
import { InternalClient, type InternalTarget } from '../subgraphs/common/internal-client.js';
import { JobQueue } from '../subgraphs/common/jobs/job-queue.js';
import { JobRunner } from '../subgraphs/common/jobs/job-runner.js';
import { JwtService } from '../subgraphs/common/jwt.js';
import type { Logger } from '../subgraphs/common/logger.js';
import { createBraingraphPubSub } from '../subgraphs/common/pubsub.js';
import type { SubgraphRuntime } from '../subgraphs/common/runtime.js';
import { SecretBox } from '../subgraphs/common/secret-box.js';
import { BlobStore } from '../subgraphs/common/blob-store.js';
import { SmtpMailer } from '../subgraphs/common/mail/mailer.js';
import type { Secrets } from '../subgraphs/common/secrets.js';

export interface ProcessDepsOptions {
  env: Env;
  secrets: Secrets;
  databaseUrl: string;
  logger: Logger;
  /** Routing URL of a subgraph that does not run here. */
  routingUrl(name: string): string | undefined;
  /** The subgraphs running in this process, filled in as they start. */
  runtimes: Map<string, SubgraphRuntime<any>>;
}

/**
 * The process-wide services every subgraph of a process shares (DESIGN §2): JWTs, the pub/sub, the internal client
 * (in-process to local subgraphs, signed HTTP to the rest), encryption at rest and the job queue.
 */
export function createProcessDeps({ env, secrets, databaseUrl, logger, routingUrl, runtimes }: ProcessDepsOptions) {
  const forcedRemote = (name: string) => env.remoteSubgraphs.includes(name) || env.remoteSubgraphs.includes('all');
  const internal = new InternalClient((name): InternalTarget | undefined => {
    const rt = forcedRemote(name) ? undefined : runtimes.get(name);
    if (rt) return { kind: 'local', schema: rt.schema, contextFor: (identity) => rt.createContext(identity) };
    const url = env.subgraphUrls[name] ?? routingUrl(name);
    return url ? { kind: 'remote', url } : undefined;
  }, secrets.internalSecret);
  const bus = createBraingraphPubSub(env.redisUrl);
  const queue = new JobQueue(databaseUrl, env.jobsQueueSchema, logger);
  const runner = new JobRunner(queue, internal, bus.pubsub, logger);
  const mailer = new SmtpMailer({ smtpUrl: env.smtpUrl, from: env.mailFrom, logger });
  const deps: SubgraphDeps = {
    env,
    jwt: new JwtService(secrets.jwtSecret, env.accessTokenTtl, env.refreshTokenTtl),
    pubsub: bus.pubsub,
    internal,
    logger,
    secretBox: new SecretBox(secrets.encryptionSecret),
    jobs: { queue, runner },
    blobs: new BlobStore(env.dataDir),
    mailer,
  };
  return {
    deps,
    /** Before the subgraphs close: running jobs go back to the queue while their owner can still record it. */
    stopWorkers: () => runner.stop(),
    /** After the subgraphs close. */
    close: () => {
      mailer.close();
      return bus.close();
    },
  };
}
