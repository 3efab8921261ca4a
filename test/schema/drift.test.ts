import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { composeSupergraph } from '../../schema/compose.js';
import { subgraphs } from '../../subgraphs/index.js';

it('should have committed the supergraph and API schema the code composes (run `npm run compose`)', async () => {
  const composed = await composeSupergraph(subgraphs);
  expect(await readFile('schema/supergraph.graphql', 'utf8')).toBe(composed.supergraph);
  expect(await readFile('schema/api-schema.graphql', 'utf8')).toBe(`${composed.apiSchema}\n`);
  for (const [name, sdl] of Object.entries(composed.subgraphs)) {
    expect(await readFile(`schema/subgraphs/${name}.graphql`, 'utf8'), name).toBe(`${sdl}\n`);
  }
});
