import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { subgraphs } from '../subgraphs/index.js';
import { composeSupergraph } from '../schema/compose.js';

/** `npm run compose`: writes each subgraph's SDL, the supergraph and the API schema under schema/. */
const composed = await composeSupergraph(subgraphs);
await mkdir('schema/subgraphs', { recursive: true });
for (const [name, sdl] of Object.entries(composed.subgraphs)) await writeFile(`schema/subgraphs/${name}.graphql`, `${sdl}\n`);
await writeFile('schema/supergraph.graphql', composed.supergraph);
await writeFile('schema/api-schema.graphql', `${composed.apiSchema}\n`);
console.log(`composed ${subgraphs.length} subgraphs into schema/supergraph.graphql`);
