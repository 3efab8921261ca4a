import { parseTemplate, routeShapeKey, trimTrailingSlash } from './path-template.js';
import type { HttpMethod, RouteRow } from './route.types.js';

export type RouteMatch =
  | { kind: 'found'; row: RouteRow; params: Record<string, string> }
  /** The path exists with other methods; `allow` lists them for the `Allow` header. */
  | { kind: 'method_not_allowed'; allow: HttpMethod[] }
  | { kind: 'not_found' };

export interface Router {
  /** Finds the row for a request. `path` is the raw request path (still percent-encoded, no query string). */
  match(method: string, path: string): RouteMatch;
  /** The rows served, in the order given (the first of each method and path shape). */
  readonly rows: readonly RouteRow[];
  /** Rows not served because an earlier row has the same method and path shape (`GET /health` of each product). */
  readonly shadowed: readonly RouteRow[];
}

interface Endpoint {
  row: RouteRow;
  /** Names of the captured values, in capture order (names differ between rows sharing a trie node). */
  names: string[];
}

interface TrieNode {
  literals: Map<string, TrieNode>;
  param?: TrieNode;
  /** Endpoints whose path ends here. */
  endpoints: Map<HttpMethod, Endpoint>;
  /** Endpoints of a `{name:path}` segment starting here. */
  rest: Map<HttpMethod, Endpoint>;
}

const newNode = (): TrieNode => ({ literals: new Map(), endpoints: new Map(), rest: new Map() });

/**
 * Compiles rows into a segment trie, so a request costs one map lookup per path segment instead of a scan of every
 * row's regex. Priority follows the products' routers: a literal segment beats a parameter, a parameter beats a
 * `{name:path}` capture, and a branch that matches the path but not the method gives way to a later branch that
 * matches both (Starlette's partial match).
 * @throws on a malformed path template
 */
export function compileRoutes(rows: readonly RouteRow[]): Router {
  const root = newNode();
  const seen = new Set<string>();
  const served: RouteRow[] = [];
  const shadowed: RouteRow[] = [];

  for (const row of rows) {
    const key = routeShapeKey(row.method, row.path);
    if (seen.has(key)) {
      shadowed.push(row);
      continue;
    }
    seen.add(key);
    served.push(row);
    let node = root;
    const names: string[] = [];
    let table = node.endpoints;
    for (const segment of parseTemplate(row.path)) {
      if (segment.kind === 'literal') {
        let next = node.literals.get(segment.value);
        if (!next) node.literals.set(segment.value, (next = newNode()));
        node = next;
        table = node.endpoints;
      } else if (segment.kind === 'param') {
        node = node.param ??= newNode();
        names.push(segment.name);
        table = node.endpoints;
      } else {
        names.push(segment.name);
        table = node.rest;
      }
    }
    table.set(row.method, { row, names });
  }

  return {
    rows: served,
    shadowed,
    match: (method, rawPath) => matchPath(root, method.toUpperCase() as HttpMethod, rawPath),
  };
}

function matchPath(root: TrieNode, method: HttpMethod, rawPath: string): RouteMatch {
  const segments = splitPath(rawPath);
  if (!segments) return { kind: 'not_found' };
  const captures: string[] = [];
  let allowed: Set<HttpMethod> | undefined;

  const consider = (table: Map<HttpMethod, Endpoint>): Endpoint | undefined => {
    if (table.size === 0) return undefined;
    const endpoint = table.get(method);
    if (endpoint) return endpoint;
    allowed ??= new Set();
    for (const m of table.keys()) allowed.add(m);
    return undefined;
  };

  const visit = (node: TrieNode, index: number): Endpoint | undefined => {
    if (index === segments.length) return consider(node.endpoints);
    const segment = segments[index];
    const literal = node.literals.get(segment);
    if (literal) {
      const found = visit(literal, index + 1);
      if (found) return found;
    }
    if (node.param && isSafeParam(segment)) {
      captures.push(segment);
      const found = visit(node.param, index + 1);
      if (found) return found;
      captures.pop();
    }
    if (node.rest.size > 0) {
      const rest = segments.slice(index);
      if (isSafeRest(rest)) {
        captures.push(rest.join('/'));
        const found = consider(node.rest);
        if (found) return found;
        captures.pop();
      }
    }
    return undefined;
  };

  const endpoint = visit(root, 0);
  if (endpoint) {
    const params: Record<string, string> = {};
    endpoint.names.forEach((name, i) => (params[name] = captures[i]));
    return { kind: 'found', row: endpoint.row, params };
  }
  if (allowed) return { kind: 'method_not_allowed', allow: [...allowed].sort() };
  return { kind: 'not_found' };
}

/** Decoded segments of a request path; `undefined` when the percent-encoding is malformed. */
function splitPath(rawPath: string): string[] | undefined {
  const path = trimTrailingSlash(rawPath);
  if (path === '/' || path === '') return [];
  const parts = path.split('/');
  parts.shift();
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].includes('%')) {
      try {
        parts[i] = decodeURIComponent(parts[i]);
      } catch {
        return undefined;
      }
    }
  }
  return parts;
}

// An encoded slash or a dot segment in a parameter could walk out of the folder the operation reads from.
function isSafeParam(value: string): boolean {
  return value !== '' && value !== '.' && value !== '..' && !/[/\\\0]/.test(value);
}

function isSafeRest(segments: string[]): boolean {
  if (segments.length === 0 || segments[0] === '' || /^[/\\]/.test(segments[0])) return false;
  for (const segment of segments) {
    if (segment.includes('\0')) return false;
    for (const piece of segment.split(/[/\\]/)) if (piece === '..') return false;
  }
  return true;
}
