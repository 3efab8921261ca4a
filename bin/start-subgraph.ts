import 'reflect-metadata';
import { openDatabase } from '../subgraphs/common/database.js';
import { readEnv } from '../subgraphs/common/env.js';
import { createLogger } from '../subgraphs/common/logger.js';
import { loadSecrets } from '../subgraphs/common/secrets.js';
import { subgraphByName } from '../subgraphs/index.js';
import { onShutdown } from './shutdown.js';
import { startStandaloneSubgraph } from './standalone-subgraph.js';

/** `npm run start:subgraph -- <name> [port]`: one subgraph as its own process, for the distributed mode. */
const [name, portArg] = process.argv.slice(2);
const def = name ? subgraphByName(name) : undefined;
if (!def) {
  console.error(`usage: npm run start:subgraph -- <name> [port]   (unknown subgraph "${name ?? ''}")`);
  process.exit(1);
}
const env = readEnv();
const logger = createLogger(env.logLevel);
const secrets = await loadSecrets(env);
const database = await openDatabase(env, secrets.embeddedPgPassword, logger);
onShutdown(logger, database.stop);
const server = await startStandaloneSubgraph({ def, env, secrets, databaseUrl: database.url, logger, port: Number(portArg ?? def.port) });
onShutdown(logger, server.close);
console.log(`subgraph ${def.name} listening on ${server.url}`);
