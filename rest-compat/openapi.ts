import { Kind, type DocumentNode } from 'graphql';
import { z } from 'zod';
import { openApiPath, parseTemplate, routeShapeKey, type TemplateSegment } from './path-template.js';
import type { RouteRow, Surface } from './route.types.js';

export const PRODUCT_NAMES: Readonly<Record<Surface, string>> = {
  braindrive: 'BrainDrive',
  studiobrain: 'StudioBrain',
  braingarden: 'Brain Garden',
  breact: 'BReact OS',
};

export interface OpenApiOptions {
  /** @default 'braingraph REST API' */
  title?: string;
  /** @default '0.1.0' */
  version?: string;
}

export type JsonSchema = Record<string, unknown>;

export interface OpenApiOperation {
  operationId: string;
  summary?: string;
  description?: string;
  tags: string[];
  parameters?: JsonSchema[];
  requestBody?: JsonSchema;
  responses: Record<string, JsonSchema>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', OpenApiOperation>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema>; responses: Record<string, JsonSchema> };
}

/** The name of the row's GraphQL operation (its document's first operation definition). */
export function operationNameOf(row: Pick<RouteRow, 'operation'>): string | undefined {
  const document = row.operation as DocumentNode | undefined;
  for (const definition of document?.definitions ?? []) {
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value;
  }
  return undefined;
}

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

/** `GET /api/v1/pages/{page_id}` → `getApiV1PagesByPageId`, for rows that have no operation yet. */
export function operationIdFromPath(method: string, path: string): string {
  const words = parseTemplate(path).map((s) => (s.kind === 'literal' ? pascal(s.value) : `By${pascal(s.name)}`));
  return `${method.toLowerCase()}${words.join('') || 'Root'}`;
}

const SECURITY: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }, { apiKeyAuth: [] }, { bgApiKeyAuth: [] }];

/**
 * Builds the OpenAPI 3.1 document for the rows the router serves: one operation per distinct method and path,
 * parameters and bodies from the rows' zod schemas. Call it once at start-up.
 * @param rows the served rows (`router.rows`), in order; a later row with the same method and path shape is skipped
 */
export function buildOpenApi(rows: readonly RouteRow[], options: OpenApiOptions = {}): OpenApiDocument {
  const components: OpenApiDocument['components'] = {
    schemas: baseSchemas(),
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      cookieAuth: { type: 'apiKey', in: 'cookie', name: 'access_token' },
      apiKeyAuth: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      bgApiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-Bg-Api-Key' },
    },
    responses: {
      TooManyRequests: {
        description: 'Rate limited; `Retry-After` says when to retry',
        headers: {
          'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' },
          RateLimit: { schema: { type: 'string' }, description: 'e.g. `"default";r=0;t=30`' },
          'RateLimit-Policy': { schema: { type: 'string' }, description: 'e.g. `"default";q=600;w=60`' },
        },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorDetail' } } },
      },
    },
  };
  const hoist = hoister(components.schemas);
  const doc: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'braingraph REST API',
      version: options.version ?? '0.1.0',
      description:
        'The documented REST APIs of BrainDrive, StudioBrain, Brain Garden and BReact OS, served by rest-compat over ' +
        'the braingraph GraphQL graph. Operations marked "not implemented yet" answer 501.',
    },
    tags: [],
    paths: {},
    components,
  };

  const seen = new Set<string>();
  const canonicalPath = new Map<string, string>();
  const kept: RouteRow[] = [];
  for (const row of rows) {
    const key = routeShapeKey(row.method, row.path);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(row);
  }
  const ids = operationIds(kept);
  const tags = new Set<string>();

  kept.forEach((row, index) => {
    // OpenAPI forbids two path keys differing only in parameter names; the first template of a shape names them.
    const shape = routeShapeKey('', row.path);
    const template = canonicalPath.get(shape) ?? row.path;
    canonicalPath.set(shape, template);
    const tag = `${PRODUCT_NAMES[row.surface]} / ${row.section || 'General'}`;
    tags.add(tag);
    const built = row.operation !== undefined;
    const operation: OpenApiOperation = {
      operationId: ids[index],
      summary: row.summary,
      description: built
        ? `GraphQL operation \`${operationNameOf(row) ?? 'anonymous'}\`.`
        : 'Not implemented yet: answers 501 `{"detail":"not implemented"}` until its GraphQL operation is written.',
      tags: [tag],
      parameters: [...pathParameters(row, parseTemplate(template), hoist), ...queryParameters(row, hoist)],
      requestBody: row.body ? requestBody(row, hoist) : undefined,
      responses: responses(row, built),
    };
    // Absent keys rather than `undefined` ones: the document is served as JSON and compared in tests.
    if (!operation.summary) delete operation.summary;
    if (operation.parameters!.length === 0) delete operation.parameters;
    if (!operation.requestBody) delete operation.requestBody;
    if (row.auth === true) operation.security = SECURITY;
    else if (row.auth === false) operation.security = [];
    const path = openApiPath(template);
    const item = (doc.paths[path] ??= {});
    item[row.method.toLowerCase() as 'get'] = operation;
  });
  doc.tags = [...tags].map((name) => ({ name }));
  return doc;
}

function operationIds(rows: readonly RouteRow[]): string[] {
  const base = rows.map((row) => row.operationId ?? operationNameOf(row) ?? operationIdFromPath(row.method, row.path));
  const count = (list: string[]) => list.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());
  // Rows sharing an operation: first told apart by surface, then by method, then by position.
  const bySurface = count(base);
  const withSurface = base.map((id, i) => (bySurface.get(id)! > 1 ? `${id}_${rows[i].surface}` : id));
  const byMethod = count(withSurface);
  const withMethod = withSurface.map((id, i) => (byMethod.get(id)! > 1 ? `${id}_${rows[i].method.toLowerCase()}` : id));
  const used = new Set<string>();
  return withMethod.map((id) => {
    let unique = id;
    for (let n = 2; used.has(unique); n++) unique = `${id}_${n}`;
    used.add(unique);
    return unique;
  });
}

function responses(row: RouteRow, built: boolean): Record<string, JsonSchema> {
  const status = String(row.status ?? 200);
  const out: Record<string, JsonSchema> =
    status === '204'
      ? { '204': { description: 'No Content' } }
      : { [status]: { description: 'Successful Response', content: { 'application/json': { schema: {} } } } };
  const errorRef = row.envelope === 'breact' ? '#/components/schemas/BReactError' : '#/components/schemas/ErrorDetail';
  if (row.params || row.query || row.body || row.path.includes('{')) {
    out['422'] = {
      description: 'Validation Error',
      content: {
        'application/json': {
          schema: { $ref: row.envelope === 'breact' ? '#/components/schemas/BReactError' : '#/components/schemas/HTTPValidationError' },
        },
      },
    };
  }
  out['429'] = { $ref: '#/components/responses/TooManyRequests' };
  if (!built) {
    out['501'] = {
      description: 'Not Implemented — not implemented yet',
      content: { 'application/json': { schema: { $ref: errorRef } } },
    };
  }
  return out;
}

type Hoist = (schema: z.ZodType) => JsonSchema;

// Object schemas' properties, keyed by name, with `required` names.
function properties(schema: z.ZodType | undefined, hoist: Hoist): { props: Record<string, JsonSchema>; required: Set<string> } {
  if (!schema) return { props: {}, required: new Set() };
  const json = hoist(schema);
  return {
    props: (json.properties as Record<string, JsonSchema> | undefined) ?? {},
    required: new Set((json.required as string[] | undefined) ?? []),
  };
}

function pathParameters(row: RouteRow, canonical: TemplateSegment[], hoist: Hoist): JsonSchema[] {
  const own = parseTemplate(row.path).filter((s) => s.kind !== 'literal') as { kind: 'param' | 'rest'; name: string }[];
  const names = canonical.filter((s) => s.kind !== 'literal') as { kind: 'param' | 'rest'; name: string }[];
  const { props } = properties(row.params, hoist);
  return names.map((segment, i) => {
    const parameter: JsonSchema = {
      name: segment.name,
      in: 'path',
      required: true,
      schema: props[own[i]?.name ?? segment.name] ?? { type: 'string' },
    };
    if (segment.kind === 'rest') parameter.description = 'The rest of the path; may contain `/`, never `..`.';
    return parameter;
  });
}

function queryParameters(row: RouteRow, hoist: Hoist): JsonSchema[] {
  const { props, required } = properties(row.query, hoist);
  return Object.entries(props).map(([name, schema]) => {
    const parameter: JsonSchema = { name, in: 'query', required: required.has(name), schema };
    if (typeof schema.description === 'string') parameter.description = schema.description;
    return parameter;
  });
}

function requestBody(row: RouteRow, hoist: Hoist): JsonSchema {
  const schema = hoist(row.body!);
  const content: Record<string, JsonSchema> = {};
  // A row that requires a file takes a form only; one where files are optional takes JSON too.
  if (!row.multipart || !requiresFile(schema)) content['application/json'] = { schema };
  if (row.multipart) content['multipart/form-data'] = { schema: asFormData(schema, hoist) };
  return { required: !row.body!.safeParse(undefined).success, content };
}

/**
 * In a form, an uploaded file is a binary part, though the operation later receives it as a stored-file object
 * (`{fileId, filename, contentType, size}`, rest-compat/multipart.ts): show clients the part they send.
 */
const isFile = (s: unknown): boolean =>
  typeof s === 'object' && s !== null && ('fileId' in (((s as JsonSchema).properties ?? {}) as object) || (Array.isArray((s as JsonSchema).anyOf) && ((s as JsonSchema).anyOf as unknown[]).some(isFile)));

function requiresFile(schema: JsonSchema): boolean {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return ((schema.required ?? []) as string[]).some((k) => isFile(properties[k]));
}

function asFormData(schema: JsonSchema, _hoist: Hoist): JsonSchema {
  const binary = { type: 'string', format: 'binary' };
  const convert = (s: JsonSchema): JsonSchema => {
    if (isFile(s)) return binary;
    if (Array.isArray(s.anyOf)) return { ...s, anyOf: (s.anyOf as JsonSchema[]).map(convert) };
    if (s.type === 'array' && s.items) return { ...s, items: convert(s.items as JsonSchema) };
    return s;
  };
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return schema;
  return { ...schema, properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, convert(v)])) };
}

/**
 * Converts zod schemas to JSON Schema (input side: what a client sends), moving any `$defs` into
 * `components.schemas` so references resolve from the document root.
 */
function hoister(target: Record<string, JsonSchema>): Hoist {
  let counter = 0;
  const cache = new WeakMap<z.ZodType, JsonSchema>();
  return (schema) => {
    const cached = cache.get(schema);
    if (cached) return cached;
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    delete json.$schema;
    const defs = json.$defs as Record<string, JsonSchema> | undefined;
    delete json.$defs;
    const renamed = new Map<string, string>();
    for (const name of Object.keys(defs ?? {})) renamed.set(name, `Def${++counter}_${name.replace(/[^A-Za-z0-9_.-]/g, '_')}`);
    const fix = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(fix);
      if (node === null || typeof node !== 'object') return node;
      const out: JsonSchema = {};
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
          out.$ref = `#/components/schemas/${renamed.get(value.slice(8)) ?? value.slice(8)}`;
        } else if ((key === 'minimum' && value === Number.MIN_SAFE_INTEGER) || (key === 'maximum' && value === Number.MAX_SAFE_INTEGER)) {
          // zod's int() bounds: noise in the docs.
        } else out[key] = fix(value);
      }
      return out;
    };
    for (const [name, def] of Object.entries(defs ?? {})) target[renamed.get(name)!] = fix(def) as JsonSchema;
    const result = fix(json) as JsonSchema;
    cache.set(schema, result);
    return result;
  };
}

function baseSchemas(): Record<string, JsonSchema> {
  return {
    ValidationError: {
      title: 'ValidationError',
      type: 'object',
      required: ['loc', 'msg', 'type'],
      properties: {
        loc: { title: 'Location', type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
        msg: { title: 'Message', type: 'string' },
        type: { title: 'Error Type', type: 'string' },
        input: { title: 'Input' },
        ctx: { title: 'Context', type: 'object' },
      },
    },
    HTTPValidationError: {
      title: 'HTTPValidationError',
      type: 'object',
      properties: { detail: { title: 'Detail', type: 'array', items: { $ref: '#/components/schemas/ValidationError' } } },
    },
    ErrorDetail: {
      title: 'ErrorDetail',
      type: 'object',
      required: ['detail'],
      properties: { detail: { title: 'Detail', description: 'A message, or a structured detail for some routes' } },
    },
    BReactError: {
      title: 'BReactError',
      type: 'object',
      required: ['success', 'error'],
      properties: {
        success: { const: false },
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', examples: ['UNAUTHORIZED', 'MISSING_API_KEY', 'NOT_FOUND', 'SERVICE_NOT_FOUND', 'RATE_LIMIT_EXCEEDED'] },
            message: { type: 'string' },
            details: { type: 'array', items: { $ref: '#/components/schemas/ValidationError' } },
          },
        },
      },
    },
  };
}
