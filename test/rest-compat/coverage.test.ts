import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiPath } from '../../rest-compat/path-template.js';
import { compileRoutes } from '../../rest-compat/router.js';
import { allRows } from '../../rest-compat/routes/index.js';

const shared = fileURLToPath(new URL('../../../shared/spec/routes.tsv', import.meta.url));
const committed = fileURLToPath(new URL('../../rest-compat/documented-routes.tsv', import.meta.url));

/** Every documented (method, path), from the shared spec when present, else the committed copy. */
function documentedRoutes() {
  const text = readFileSync(existsSync(shared) ? shared : committed, 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [surface, method, path] = line.split('\t');
      return { surface, method, path };
    });
}

describe('documented route coverage', () => {
  const documented = documentedRoutes();
  const router = compileRoutes(allRows);

  it('should have a row for every documented route, one row per tsv line', () => {
    // A row writes a multi-segment parameter as {name:path}; the documents write {name}.
    const rowKeys = new Set(allRows.map((r) => `${r.surface} ${r.method} ${openApiPath(r.path)}`));
    const missing = documented.filter((d) => !rowKeys.has(`${d.surface} ${d.method} ${d.path}`));
    expect(missing).toEqual([]);
    // Undocumented routes the real clients call are rows too, marked as such.
    expect(allRows.filter((r) => !r.asBuilt)).toHaveLength(documented.length);
    expect(allRows.filter((r) => r.asBuilt).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/plugins/upload',
      'GET /api/v1/public/plugins/{plugin_id}/{path:path}',
      'POST /api/v1/pages/{page_id}/restore',
      'POST /api/v1/plugin-state/sync',
      'PATCH /api/v1/personas/{persona_id}',
    ]);
  });

  it('should route every documented route to a row (duplicates across surfaces served by the first)', () => {
    for (const { method, path } of documented) {
      const example = path.replace(/\{[^}]+\}/g, 'x1');
      expect(router.match(method, example).kind, `${method} ${path}`).toBe('found');
    }
  });

  it('should keep the committed copy of routes.tsv in step with the shared spec', () => {
    if (!existsSync(shared)) return;
    expect(readFileSync(committed, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  it('should report how many documented routes still answer 501', () => {
    const unbuilt = documented.filter(({ method, path }) => {
      const match = router.match(method, path.replace(/\{[^}]+\}/g, 'x1'));
      return match.kind === 'found' && !match.row.operation;
    });
    console.log(`rest-compat: ${documented.length} documented routes, ${unbuilt.length} answering 501`);
    expect(unbuilt.length).toBeLessThanOrEqual(documented.length);
  });
});
