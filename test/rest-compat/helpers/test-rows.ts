import { parse } from 'graphql';
import { z } from 'zod';
import type { RestRequest, RouteRow } from '../../../rest-compat/route.types.js';
import { offsetParams, pageParams, uuidParams } from '../../../rest-compat/validation.js';

const ECHO = parse('query Echo($value: String) { echo(value: $value) }');
const ME = parse('query Me { me { id email username } }');
const FAIL = parse(
  'query Fail($code: String!, $message: String!, $reason: String, $detail: String, $retryAfter: Int) { fail(code: $code, message: $message, reason: $reason, detail: $detail, retryAfter: $retryAfter) }',
);
const CRASH = parse('query Crash { crash }');
const LOGIN = parse(
  'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken user { id email username } } }',
);
const LOGOUT = parse('mutation Logout { logout }');

/**
 * A row whose operation echoes what `pick` takes from the validated request, so a test sees exactly what reached
 * the operation (path params, query, body) through a real GraphQL execution.
 */
export function echoRow(row: Omit<RouteRow, 'operation' | 'variables' | 'response'>, pick: (req: RestRequest) => unknown): RouteRow {
  return {
    ...row,
    operation: ECHO,
    variables: (req) => ({ value: JSON.stringify(pick(req) ?? null) }),
    response: (data: { echo: string }) => JSON.parse(data.echo),
  };
}

const failQuery = z.object({
  code: z.string(),
  message: z.string().default('failed'),
  reason: z.string().optional(),
  detail: z.string().optional(),
  retryAfter: z.coerce.number().int().optional(),
});

const failRow = (row: Pick<RouteRow, 'surface' | 'method' | 'path' | 'envelope' | 'errorStatus'>): RouteRow => ({
  ...row,
  operation: FAIL,
  query: failQuery,
  variables: (req) => req.query,
});

/** Rows for the engine's tests (not the documented tables, except where a test says so). */
export const testRows: RouteRow[] = [
  // Routing
  echoRow({ surface: 'braindrive', method: 'GET', path: '/api/v1/plugin-state/stats' }, () => 'stats'),
  echoRow({ surface: 'braindrive', method: 'GET', path: '/api/v1/plugin-state/{state_id}' }, (r) => ({ state_id: r.params.state_id })),
  echoRow({ surface: 'braindrive', method: 'GET', path: '/api/v1/plugin-state/' }, () => 'list'),
  echoRow({ surface: 'braindrive', method: 'DELETE', path: '/api/v1/plugin-state/cleanup' }, () => 'cleanup'),
  echoRow({ surface: 'studiobrain', method: 'POST', path: '/api/entity/hybrid-relationships' }, () => 'hybrid'),
  echoRow({ surface: 'studiobrain', method: 'POST', path: '/api/entity/{type}' }, (r) => ({ type: r.params.type })),
  echoRow({ surface: 'studiobrain', method: 'GET', path: '/api/entity/{type}/{id}' }, (r) => r.params),
  echoRow({ surface: 'studiobrain', method: 'POST', path: '/api/entity/sync/{type}' }, (r) => ({ sync: r.params.type })),
  echoRow({ surface: 'studiobrain', method: 'GET', path: '/api/files/{path:path}' }, (r) => ({ path: r.params.path })),
  echoRow({ surface: 'braindrive', method: 'GET', path: '/health', summary: 'first' }, () => 'braindrive health'),
  echoRow({ surface: 'studiobrain', method: 'GET', path: '/health', summary: 'second' }, () => 'studiobrain health'),
  { surface: 'braindrive', method: 'GET', path: '/api/v1/auth/me', auth: true },

  // Validation
  echoRow(
    {
      surface: 'braindrive',
      method: 'POST',
      path: '/api/v1/auth/register',
      rateLimit: 'auth',
      body: z.object({
        username: z.string().min(3).max(50),
        email: z.email(),
        password: z.string().min(8),
        full_name: z.string().nullish(),
      }),
    },
    (r) => r.body,
  ),
  echoRow({ surface: 'braindrive', method: 'GET', path: '/api/v1/jobs', query: pageParams(100).extend({ status: z.enum(['pending', 'running']).optional() }) }, (r) => r.query),
  echoRow({ surface: 'braindrive', method: 'GET', path: '/api/v1/plugins/manager', query: pageParams(100, { sizeKey: 'pageSize' }) }, (r) => r.query),
  echoRow({ surface: 'studiobrain', method: 'GET', path: '/api/entity/{type}', query: offsetParams(200) }, (r) => r.query),
  echoRow({ surface: 'braindrive', method: 'GET', path: '/api/v1/pages/{page_id}', params: uuidParams('page_id') }, (r) => r.params),
  { ...echoRow({ surface: 'braindrive', method: 'DELETE', path: '/api/v1/pages/{page_id}', params: uuidParams('page_id') }, () => null), status: 204 },
  echoRow({ surface: 'braindrive', method: 'POST', path: '/api/v1/forms', body: z.object({ name: z.string(), tags: z.array(z.string()).optional() }) }, (r) => r.body),
  echoRow({ surface: 'braindrive', method: 'POST', path: '/api/v1/anything' }, (r) => ({ body: r.body ?? 'none' })),
  { ...echoRow({ surface: 'studiobrain', method: 'POST', path: '/api/assets/upload' }, () => 'upload'), multipart: true },

  // Auth cookies
  {
    surface: 'braindrive',
    method: 'POST',
    path: '/api/v1/auth/login',
    rateLimit: 'auth',
    operation: LOGIN,
    body: z.object({ email: z.email(), password: z.string() }),
    variables: (r) => r.body,
    response: (data: { login: { accessToken: string; refreshToken: string; user: unknown } }) => ({
      access_token: data.login.accessToken,
      refresh_token: data.login.refreshToken,
      token_type: 'bearer',
      user: data.login.user,
    }),
    effects: (data: { login: { accessToken: string; refreshToken: string } }) => ({
      headers: { 'Cache-Control': 'no-store' },
      cookies: [
        { name: 'access_token', value: data.login.accessToken, maxAgeSeconds: 1800 },
        { name: 'refresh_token', value: data.login.refreshToken, maxAgeSeconds: 2_592_000, sameSite: 'Strict' },
      ],
    }),
  },
  {
    surface: 'braindrive',
    method: 'POST',
    path: '/api/v1/auth/logout',
    operation: LOGOUT,
    response: () => ({ message: 'Successfully logged out' }),
    effects: () => ({ cookies: [{ name: 'access_token', value: null }, { name: 'refresh_token', value: null }] }),
  },
  echoRow({ surface: 'braindrive', method: 'GET', path: '/api/v1/whoami/cookies' }, (r) => ({ cookies: r.cookies, ip: r.ip, requestId: r.requestId })),
  { surface: 'braindrive', method: 'GET', path: '/api/v1/me', operation: ME },

  // Errors
  failRow({ surface: 'braindrive', method: 'GET', path: '/api/v1/fail' }),
  failRow({ surface: 'braindrive', method: 'GET', path: '/api/v1/fail-dup', errorStatus: { CONFLICT: 400 } }),
  failRow({ surface: 'breact', method: 'GET', path: '/api/v1/services/fail', envelope: 'breact' }),
  { surface: 'braindrive', method: 'GET', path: '/api/v1/crash', operation: CRASH },
  {
    ...echoRow({ surface: 'braindrive', method: 'GET', path: '/api/v1/mapper-bug' }, () => 'x'),
    response: () => {
      throw new Error('mapper bug: token=s3cret');
    },
  },
  { surface: 'breact', method: 'POST', path: '/api/v1/services/{service_id}/{endpoint}', envelope: 'breact' },
  echoRow({ surface: 'breact', method: 'GET', path: '/api/v1/services/result/{process_id}', envelope: 'breact', query: z.object({ access_token: z.string().min(8) }) }, (r) => r.query),

  // Rate limits
  echoRow({ surface: 'braingarden', method: 'GET', path: '/v1/models', rateLimit: 'braingarden' }, () => 'models'),
];
