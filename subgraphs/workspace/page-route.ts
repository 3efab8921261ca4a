import { BadUserInputError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';

/** Characters a route segment may not hold: separators, whitespace, query, fragment and escapes. */
const BAD_SEGMENT = /[\s/?#\\%]/;

/**
 * A route as stored: trimmed, without trailing slashes, at most one leading slash (kept as the client sent it).
 * Pages and navigation routes share these rules.
 * @throws BAD_USER_INPUT for an empty route, a dot segment or a character that cannot be in a path
 */
export function normalizeRoute(route: string, field = 'route'): string {
  const trimmed = route.trim();
  const leading = trimmed.startsWith('/');
  const key = routeKey(trimmed);
  if (key.length === 0) throw new BadUserInputError(`${field} must not be empty`, field);
  for (const segment of key.split('/')) {
    if (segment === '' || segment === '.' || segment === '..' || BAD_SEGMENT.test(segment)) {
      throw new BadUserInputError(`${field} is not a valid path: "${route}"`, field);
    }
  }
  const stored = leading ? `/${key}` : key;
  if (stored.length > 255) throw new BadUserInputError(`${field} must be at most 255 characters`, field);
  return stored;
}

/** The route without leading and trailing slashes: what makes two spellings of a route the same. */
export const routeKey = (route: string): string => route.trim().replace(/^\/+/, '').replace(/\/+$/, '');

/** Both stored spellings of a route, for lookups that must find "/docs" and "docs" alike. */
export const routeSpellings = (route: string): string[] => {
  const key = routeKey(route);
  return [key, `/${key}`];
};

/** The last segment of a route. */
export const lastSegment = (route: string): string => routeKey(route).split('/').pop() ?? '';

/**
 * A required text field, trimmed, within its length.
 * @throws BAD_USER_INPUT naming the field
 */
export function requiredText(value: string, field: string, max: number): string {
  const v = value.trim();
  if (v.length === 0) throw new BadUserInputError(`${field} must not be empty`, field);
  if (v.length > max) throw new BadUserInputError(`${field} must be at most ${max} characters`, field);
  return v;
}

/**
 * An optional text field within its length; `undefined` stays undefined (unchanged), null stays null (cleared).
 * @throws BAD_USER_INPUT naming the field
 */
export function optionalText<T extends string | null | undefined>(value: T, field: string, max: number): T {
  if (typeof value === 'string' && value.length > max) {
    throw new BadUserInputError(`${field} must be at most ${max} characters`, field);
  }
  return value;
}

/**
 * An id argument in canonical form; anything that is not a UUID names no row, so it is "not found".
 * @param what the message of the NOT_FOUND error, e.g. `Page not found`
 */
export function idOrNotFound(id: string, what: string): string {
  const uuid = normalizeUuid(id);
  if (!uuid) throw new NotFoundError(what);
  return uuid;
}

/**
 * A JSON object (not an array, string or number): what page content and plugin state data must be.
 * @throws BAD_USER_INPUT naming the field
 */
export function jsonObject(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new BadUserInputError(`${field} must be a JSON object`, field);
  }
  return value as Record<string, unknown>;
}
