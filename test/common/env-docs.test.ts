import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';

it('should document every environment variable it reads in the README and .env.example', async () => {
  const read = (f: string) => readFile(f, 'utf8');
  const names = new Set([...(await read('subgraphs/common/env.ts')).matchAll(/\(src, '([A-Z_]+)'/g)].map((m) => m[1]));
  const example = new Set([...(await read('.env.example')).matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
  const readme = new Set([...(await read('README.md')).matchAll(/\| `([A-Z_]+)` \|/g)].map((m) => m[1]));
  expect(names.size).toBeGreaterThan(20);
  expect([...example].sort()).toEqual([...names].sort());
  expect([...readme].sort()).toEqual([...names].sort());
});
