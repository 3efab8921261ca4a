import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressPolicy } from '../../subgraphs/common/net/address-policy.js';
import { RefusedTargetError, safeFetch } from '../../subgraphs/common/net/safe-fetch.js';
import { localServer } from '../helpers/local-server.js';

let site: Awaited<ReturnType<typeof localServer>>;
beforeAll(async () => {
  site = await localServer((req, res) => {
    if (req.url === '/big') return void res.end(Buffer.alloc(2048, 'x'));
    if (req.url === '/hop') return void res.writeHead(302, { location: '/ok' }).end();
    if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    res.end('ok');
  });
});
afterAll(() => site.close());

describe('SSRF guard', () => {
  const open = new AddressPolicy(['127.0.0.1']);

  it('should refuse loopback unless allowlisted, by IP and by a name that resolves to it', async () => {
    const closed = new AddressPolicy([]);
    await expect(safeFetch(`${site.url}/ok`, { policy: closed })).rejects.toBeInstanceOf(RefusedTargetError);
    await expect(safeFetch(`http://localhost:${site.port}/ok`, { policy: closed })).rejects.toThrow(/private or loopback/);
    expect((await safeFetch(`${site.url}/ok`, { policy: open })).body.toString()).toBe('ok');
    expect((await safeFetch(`http://localhost:${site.port}/ok`, { policy: new AddressPolicy([`localhost:${site.port}`]) })).status).toBe(200);
  });

  it('should refuse link-local and metadata addresses whatever the allowlist says', async () => {
    const lax = new AddressPolicy(['169.254.169.254', '169.254.0.0/16', '0.0.0.0/0']);
    await expect(safeFetch('http://169.254.169.254/latest', { policy: lax })).rejects.toThrow(/metadata/);
    await expect(safeFetch('http://[::ffff:169.254.169.254]/', { policy: lax })).rejects.toThrow(/metadata/);
  });

  it('should refuse other schemes and credentials in URLs', async () => {
    await expect(safeFetch('file:///etc/passwd', { policy: open })).rejects.toThrow(/http and https/);
    await expect(safeFetch(`http://a:b@127.0.0.1:${site.port}/`, { policy: open })).rejects.toThrow(/credentials/);
  });

  it('should follow redirects a bounded number of times, and cap the size', async () => {
    expect((await safeFetch(`${site.url}/hop`, { policy: open })).url).toBe(`${site.url}/ok`);
    await expect(safeFetch(`${site.url}/loop`, { policy: open, maxRedirects: 3 })).rejects.toThrow(/redirects/);
    await expect(safeFetch(`${site.url}/big`, { policy: open, maxBytes: 1024 })).rejects.toThrow(/larger than 1024/);
  });
});
