import { request } from 'node:http';
import { createRateLimiter, type RateLimiter } from '../../../gateway/rate-limiter.js';
import { createRestCompat, type RestCompat, type RestCompatOptions } from '../../../rest-compat/server.js';
import { createTestExecutor, type RecordingExecutor } from './graphql-executor.js';
import { testRows } from './test-rows.js';

export interface TestServer {
  url: string;
  compat: RestCompat;
  executor: RecordingExecutor;
  limiter: RateLimiter;
  close(): Promise<void>;
}

/**
 * Starts rest-compat on a free loopback port with the test rows and generous limits; override anything.
 * Push the result's `close` on the suite's disposers.
 */
export async function startTestServer(overrides: Partial<RestCompatOptions> = {}): Promise<TestServer> {
  const executor = createTestExecutor();
  const limiter = overrides.rateLimiter ?? createRateLimiter();
  const compat = createRestCompat({
    rows: testRows,
    executor,
    rateLimiter: limiter,
    rateLimits: { auth: { perIp: 1000 }, default: { perIp: 1000, perUser: 1000 }, braingarden: { perIp: 1000 } },
    corsOrigins: ['http://localhost:5173'],
    ...overrides,
  });
  const listener = await compat.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${listener.port}`, compat, executor, limiter, close: listener.close };
}

/** Disposers run after a suite, last first (graphql-ws's tservers habit). */
export function disposers() {
  const stack: (() => Promise<unknown>)[] = [];
  return {
    push: (fn: () => Promise<unknown>) => void stack.push(fn),
    async dispose() {
      while (stack.length > 0) await stack.pop()!();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One request with node:http, path sent byte for byte (fetch normalises `..` and `%2e%2e` away, as browsers do,
 * and a client attacking a server would not).
 */
export function rawRequest(
  baseUrl: string,
  options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer },
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
