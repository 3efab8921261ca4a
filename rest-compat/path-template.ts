/** One segment of a row's path template. */
export type TemplateSegment =
  | { kind: 'literal'; value: string }
  | { kind: 'param'; name: string }
  /** `{name:path}`: the rest of the path, one or more segments; only last. */
  | { kind: 'rest'; name: string };

const PARAM = /^\{([A-Za-z_][A-Za-z0-9_]*)(?::(path))?\}$/;

/**
 * Splits an OpenAPI-style template (`/api/v1/pages/{page_id}`, `/api/files/{path:path}`) into segments.
 * A trailing slash is not a segment: `/plugin-state/` and `/plugin-state` are the same route.
 * @throws on a malformed template, so a bad row fails at start-up rather than on a request
 */
export function parseTemplate(template: string): TemplateSegment[] {
  if (!template.startsWith('/')) throw new Error(`route path must start with "/": ${template}`);
  const parts = trimTrailingSlash(template).split('/').slice(1);
  const segments = parts.map((part, index): TemplateSegment => {
    if (!part.includes('{')) return { kind: 'literal', value: part };
    const match = PARAM.exec(part);
    if (!match) throw new Error(`bad path segment "${part}" in ${template}`);
    if (match[2] === 'path' && index !== parts.length - 1) {
      throw new Error(`{${match[1]}:path} must be the last segment: ${template}`);
    }
    return match[2] === 'path' ? { kind: 'rest', name: match[1] } : { kind: 'param', name: match[1] };
  });
  return segments.length === 1 && segments[0].kind === 'literal' && segments[0].value === '' ? [] : segments;
}

/** Drops one trailing slash, keeping the root `/`. */
export function trimTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** The template as OpenAPI writes it: `{name:path}` becomes `{name}`. */
export function openApiPath(template: string): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*):path\}/g, '{$1}');
}

/** Parameter names in template order. */
export function templateParams(template: string): { name: string; rest: boolean }[] {
  return parseTemplate(template)
    .filter((s) => s.kind !== 'literal')
    .map((s) => ({ name: (s as { name: string }).name, rest: s.kind === 'rest' }));
}

/**
 * A key equal for two templates that match the same requests: parameter names and trailing slashes ignored
 * (`GET /plugins/{plugin_id}` and `GET /plugins/{plugin_slug}/` collide).
 */
export function routeShapeKey(method: string, template: string): string {
  const shape = parseTemplate(template)
    .map((s) => (s.kind === 'literal' ? s.value : s.kind === 'param' ? '{}' : '{*}'))
    .join('/');
  return `${method.toUpperCase()} /${shape}`;
}
