import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SUBGRAPHS = fileURLToPath(new URL('../../subgraphs/', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The subgraph folder a path is in (`common` included), or null outside subgraphs/. */
const domainOf = (path: string) => {
  const rel = relative(SUBGRAPHS, path);
  return rel.startsWith('..') ? null : rel.split(sep)[0];
};

describe('domain boundaries (DESIGN §2)', () => {
  // A domain reaches another only through the graph (federation, or an internal operation typed in
  // schema/generated/internal-operations.ts), never by importing its code; common imports no domain.
  it('should have no subgraph import another subgraph’s files', () => {
    const crossings: string[] = [];
    // subgraphs/index.ts, the registry of every domain, is the one file above them.
    for (const file of tsFiles(SUBGRAPHS).filter((f) => dirname(f) !== resolve(SUBGRAPHS))) {
      const from = domainOf(file)!;
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const to = domainOf(resolve(dirname(file), spec));
        if (to && to !== from && to !== 'common') crossings.push(`${relative(SUBGRAPHS, file)} → ${spec}`);
        if (to && from === 'common' && to !== 'common') crossings.push(`${relative(SUBGRAPHS, file)} → ${spec}`);
      }
    }
    expect(crossings).toEqual([]);
  });
});
