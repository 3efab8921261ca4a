import { randomBytes } from 'node:crypto';
import { print, type DocumentNode, type ExecutionResult } from 'graphql';

/** A GraphQL request over real HTTP. */
export async function gql<T = any>(
  url: string,
  query: string | DocumentNode,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<ExecutionResult<T> & { status: number; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
  });
  return { ...((await res.json()) as ExecutionResult<T>), status: res.status, headers: res.headers };
}

export interface RestAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
  /** Set-Cookie values by cookie name. */
  cookies: Record<string, string>;
}

/** A REST request over real HTTP; JSON bodies in and out. */
export async function rest<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; raw?: string } = {},
): Promise<RestAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.body);
  } else if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await res.text();
  const cookies: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair.indexOf('=');
    cookies[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed as T, headers: res.headers, cookies };
}

/** POSTs a package archive as multipart `file` (a zip), with extra form fields, the way the web clients upload. */
export async function uploadPackage(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  zip: Buffer | null,
  fields: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  if (zip) form.append('file', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'plugin.zip');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', body: form, headers });
  return { status: res.status, body: await res.json() };
}

/** A unique, valid new user. */
export function newUser(prefix = 'u') {
  const id = randomBytes(5).toString('hex');
  return { email: `${prefix}-${id}@example.com`, username: `${prefix}_${id}`, password: `pw-${id}-long-enough` };
}

/** Registers and logs in a fresh user through the BrainDrive routes; returns its tokens and id. */
export async function signUp(restUrl: string, prefix = 'u') {
  const user = newUser(prefix);
  const reg = await rest(restUrl, 'POST', '/api/v1/auth/register', { body: user });
  if (reg.status !== 200) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const login = await rest(restUrl, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    ...user,
    id: reg.body.id as string,
    accessToken: login.body.access_token as string,
    refreshToken: login.body.refresh_token as string,
    bearer: { authorization: `Bearer ${login.body.access_token}` },
  };
}
