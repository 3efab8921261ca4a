import 'reflect-metadata';
import { openDatabase } from '../subgraphs/common/database.js';
import { EnvError, readEnv } from '../subgraphs/common/env.js';
import { createLogger } from '../subgraphs/common/logger.js';
import { loadSecrets } from '../subgraphs/common/secrets.js';
import { onShutdown } from './shutdown.js';
import { startApp } from './app.js';

/** `npm start`: everything in one process, on the embedded PostgreSQL unless DATABASE_URL is set. */
let env;
try {
  env = readEnv();
} catch (e) {
  if (e instanceof EnvError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
const logger = createLogger(env.logLevel);
const secrets = await loadSecrets(env);
const database = await openDatabase(env, secrets.embeddedPgPassword, logger);
onShutdown(logger, database.stop);
try {
  const app = await startApp({ env, secrets, databaseUrl: database.url, logger });
  onShutdown(logger, app.close);
  const docs = app.urls.rest.map((u) => `${u}/docs`).join(', ');
  logger.info({ graphql: app.urls.graphql, rest: app.urls.rest, database: database.kind }, 'braingraph is up');
  console.log(
    `\nbraingraph is up\n  GraphQL + Apollo Sandbox: ${app.urls.graphql}\n  GraphiQL (offline):       ${app.urls.graphql.replace(/\/graphql$/, '/graphiql')}\n  REST (Swagger UI):        ${docs}\n`,
  );
} catch (e) {
  logger.fatal({ err: e }, 'start-up failed');
  await database.stop();
  process.exit(1);
}
