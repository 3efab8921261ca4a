import type { CookieSpec } from './route.types.js';

/**
 * Parses a `Cookie` header. Values are percent-decoded when they decode cleanly; the first of a repeated name wins,
 * as in browsers' most-specific-path-first order.
 */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    if (!name || Object.hasOwn(cookies, name)) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

export interface CookieDefaults {
  /** Whether cookies get `Secure` unless the spec says otherwise (true when served over HTTPS). */
  secure: boolean;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Renders one `Set-Cookie` value. Defaults follow DESIGN §5: HttpOnly, Path=/, SameSite=Lax, Secure over HTTPS;
 * a `null` value clears the cookie (empty value, Max-Age=0).
 * @throws when the name is not a valid cookie name, so a bad row fails loudly instead of sending a broken header
 */
export function serializeCookie(spec: CookieSpec, defaults: CookieDefaults): string {
  if (!TOKEN.test(spec.name)) throw new Error(`invalid cookie name: ${spec.name}`);
  const cleared = spec.value === null;
  const parts = [`${spec.name}=${cleared ? '' : encodeURIComponent(spec.value as string)}`];
  parts.push(`Path=${spec.path ?? '/'}`);
  if (cleared) parts.push('Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  else if (spec.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.floor(spec.maxAgeSeconds)}`);
  if (spec.httpOnly ?? true) parts.push('HttpOnly');
  const sameSite = spec.sameSite ?? 'Lax';
  parts.push(`SameSite=${sameSite}`);
  // Browsers drop SameSite=None cookies that are not Secure.
  if (spec.secure ?? (defaults.secure || sameSite === 'None')) parts.push('Secure');
  return parts.join('; ');
}
