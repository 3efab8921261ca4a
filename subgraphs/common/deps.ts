import type { Env } from './env.js';
import type { JwtService } from './jwt.js';
import type { BraingraphPubSub } from './pubsub.js';
import type { InternalClient } from './internal-client.js';
import type { Logger } from './logger.js';
import type { SecretBox } from './secret-box.js';
import type { BlobStore } from './blob-store.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { Mailer } from './mail/mailer.js';

/** Process-wide services a subgraph's resolvers may use; built once at start-up and passed in, never global. */
export interface SubgraphDeps {
  env: Env;
  jwt: JwtService;
  pubsub: BraingraphPubSub;
  internal: InternalClient;
  logger: Logger;
  /** Encryption at rest for secrets stored in rows. */
  secretBox: SecretBox;
  /** The shared job queue and this process's runner for the job types its domains own. */
  jobs: { queue: JobQueue; runner: JobRunner };
  /** Uploaded files, by id (rest-compat stores them, the owning domain reads them). */
  blobs: BlobStore;
  /** Outgoing mail (SMTP_URL); sending without it is a 503. */
  mailer: Mailer;
}
