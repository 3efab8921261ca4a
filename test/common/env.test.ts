import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '../../subgraphs/common/env.js';

describe('readEnv', () => {
  it('should give the documented defaults', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ gatewayPort: 4000, restPorts: [8005, 8201], dataDir: './.braingraph', dbPoolMax: 4, maxBodyBytes: 5 * 1024 * 1024 });
    expect(env.databaseUrl).toBeUndefined();
  });

  it.each([
    ['GATEWAY_PORT', 'abc'],
    ['REST_PORTS', '8005,x'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'not a url'],
    ['JWT_SECRET', 'too-short'],
    ['COOKIE_SECURE', 'maybe'],
    ['DB_POOL_MAX', '0'],
    ['SUBGRAPH_URLS', 'identity'],
    ['NODE_ENV', 'staging'],
  ])('should refuse %s=%s with an error naming it', (name, value) => {
    expect(() => readEnv({ [name]: value })).toThrow(EnvError);
    expect(() => readEnv({ [name]: value })).toThrow(name);
  });

  it('should parse subgraph URL overrides', () => {
    expect(readEnv({ SUBGRAPH_URLS: 'identity=http://10.0.0.5:4001/graphql' }).subgraphUrls).toEqual({ identity: 'http://10.0.0.5:4001/graphql' });
  });
});
