import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi, operationIdFromPath, type OpenApiDocument } from '../../rest-compat/openapi.js';
import { compileRoutes } from '../../rest-compat/router.js';
import { openApiPath, routeShapeKey } from '../../rest-compat/path-template.js';
import { allRows } from '../../rest-compat/routes/index.js';
import { disposers, startTestServer, type TestServer } from './helpers/servers.js';
import { testRows } from './helpers/test-rows.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function operations(doc: OpenApiDocument) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! })),
  );
}

/** Every `$ref` in the document points at something that exists. */
function danglingRefs(doc: OpenApiDocument): string[] {
  const missing: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const target = value.slice(2).split('/').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], doc);
        if (target === undefined) missing.push(value);
      } else visit(value);
    }
  };
  visit(doc);
  return missing;
}

describe('OpenAPI document of the documented routes', () => {
  const router = compileRoutes(allRows);
  const doc = buildOpenApi(router.rows);
  const ops = operations(doc);

  it('should be OpenAPI 3.1 with info, paths and the security schemes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKeyAuth', 'bearerAuth', 'bgApiKeyAuth', 'cookieAuth']);
    expect(doc.components.securitySchemes.cookieAuth).toEqual({ type: 'apiKey', in: 'cookie', name: 'access_token' });
    expect(doc.components.securitySchemes.bgApiKeyAuth).toEqual({ type: 'apiKey', in: 'header', name: 'X-Bg-Api-Key' });
    expect(danglingRefs(doc)).toEqual([]);
  });

  it('should hold one operation per distinct method and path', () => {
    const distinct = new Set(allRows.map((r) => routeShapeKey(r.method, r.path)));
    expect(ops).toHaveLength(distinct.size);
    expect(new Set(ops.map((o) => routeShapeKey(o.method, o.path))).size).toBe(ops.length);
  });

  it('should give every operation a unique operationId, a product-prefixed tag and responses', () => {
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const unbuilt = new Set(allRows.filter((r) => !r.operation).map((r) => routeShapeKey(r.method, openApiPath(r.path))));
    for (const { op, method, path } of ops) {
      expect(op.tags[0]).toMatch(/^(BrainDrive|StudioBrain|Brain Garden|BReact OS) \/ /);
      if (unbuilt.has(routeShapeKey(method, path))) {
        expect(String(op.responses['501'].description)).toContain('not implemented yet');
      } else {
        expect(op.responses['501']).toBeUndefined();
      }
    }
    expect(ops.find((o) => o.path === '/api/v1/auth/login')!.op.operationId).toBe('Login_braindrive');
    expect(ops.find((o) => o.path === '/api/entity/{type}/{id}' && o.method === 'get')!.op.operationId).toBe('getApiEntityByTypeById');
  });

  it('should declare every path template parameter, {x:path} written as {x}', () => {
    for (const { path, op } of ops) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared, path).toEqual(inPath);
      expect(path).not.toContain(':path');
    }
    expect(doc.paths['/api/files/{path}']?.get).toBeDefined();
  });

  it('should describe built rows from their zod schemas and name them after their operation', () => {
    const built = buildOpenApi(compileRoutes(testRows).rows);
    const register = built.paths['/api/v1/auth/register']!.post!;
    expect(register.operationId).toBe('Echo_braindrive_post');
    const schema = (register.requestBody as { content: { 'application/json': { schema: Record<string, unknown> } } }).content['application/json'].schema;
    expect(schema).toMatchObject({ type: 'object', required: ['username', 'email', 'password'], properties: { username: { type: 'string', minLength: 3, maxLength: 50 } } });
    expect(register.responses['422']).toEqual({ description: 'Validation Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } } });
    expect(register.responses['501']).toBeUndefined();
    const jobs = built.paths['/api/v1/jobs']!.get!;
    expect(jobs.parameters).toContainEqual({ name: 'page_size', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } });
    // Rows sharing an operation are told apart by surface, then method.
    const ids = operations(built).map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('Echo_studiobrain_post');
    expect(ids).toContain('Echo_braindrive_post_2');
    expect(built.paths['/api/v1/auth/login']!.post!.operationId).toBe('Login');
    expect(danglingRefs(built)).toEqual([]);
  });

  it('should derive readable operationIds for rows without an operation', () => {
    expect(operationIdFromPath('GET', '/api/v1/plugin-state/')).toBe('getApiV1PluginState');
    expect(operationIdFromPath('DELETE', '/api/files/{path:path}')).toBe('deleteApiFilesByPath');
  });
});

describe('/openapi.json, /docs and /redoc', () => {
  const stack = disposers();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ rows: allRows });
    stack.push(server.close);
  });
  afterAll(() => stack.dispose());

  it('should serve the document built at start-up', async () => {
    const res = await fetch(server.url + '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(server.compat.openapi)));
  });

  for (const page of ['/docs', '/redoc']) {
    it(`should serve ${page} with every asset from this server, none from a CDN`, async () => {
      const res = await fetch(server.url + page);
      expect(res.status).toBe(200);
      const html = await res.text();
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(assets.length).toBeGreaterThan(0);
      expect(html).not.toMatch(/https?:\/\//);
      for (const asset of assets) {
        const loaded = await fetch(new URL(asset, server.url + page));
        expect(loaded.status, asset).toBe(200);
        expect((await loaded.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
      }
    });
  }

  it('should point ReDoc at /openapi.json', async () => {
    expect(await (await fetch(server.url + '/redoc')).text()).toContain('spec-url="/openapi.json"');
  });

  it('should point Swagger UI at /openapi.json with the online validator off', async () => {
    const init = await (await fetch(server.url + '/docs/swagger-init.js')).text();
    expect(init).toContain("url: '/openapi.json'");
    expect(init).toContain('validatorUrl: null');
  });
});
