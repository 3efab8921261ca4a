import type { Logger } from '../subgraphs/common/logger.js';

const steps: (() => Promise<unknown>)[] = [];
let installed = false;

/**
 * Registers a shutdown step; on SIGINT/SIGTERM the steps run last-registered first (servers drain before the
 * database they use stops). A second signal exits at once.
 */
export function onShutdown(logger: Logger, step: () => Promise<unknown>): void {
  steps.push(step);
  if (installed) return;
  installed = true;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const s of [...steps].reverse()) await s().catch((err) => logger.error({ err }, 'shutdown step failed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
