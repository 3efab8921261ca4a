import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { composeSupergraph } from '../schema/compose.js';
import { subgraphs } from '../subgraphs/index.js';

/** `npm run check`: fails when the committed supergraph or API schema differs from what the code composes. */
const composed = await composeSupergraph(subgraphs);
const stale: string[] = [];
if ((await readFile('schema/supergraph.graphql', 'utf8')) !== composed.supergraph) stale.push('schema/supergraph.graphql');
if ((await readFile('schema/api-schema.graphql', 'utf8')) !== `${composed.apiSchema}\n`) stale.push('schema/api-schema.graphql');
for (const [name, sdl] of Object.entries(composed.subgraphs)) {
  const file = `schema/subgraphs/${name}.graphql`;
  if ((await readFile(file, 'utf8').catch(() => '')) !== `${sdl}\n`) stale.push(file);
}
if (stale.length) {
  console.error(`Schema drift: ${stale.join(', ')} — run \`npm run compose && npm run codegen\` and commit.`);
  process.exit(1);
}
console.log('schema: no drift');
