import { BlockList, isIP } from 'node:net';

/** Cloud metadata endpoints: never fetched on a user's behalf, whatever the allowlist says (DESIGN §9). */
const METADATA = new BlockList();
METADATA.addSubnet('169.254.0.0', 16, 'ipv4');
METADATA.addSubnet('fe80::', 10, 'ipv6');
METADATA.addAddress('fd00:ec2::254', 'ipv6');
METADATA.addSubnet('::ffff:169.254.0.0', 112, 'ipv6');

/** Addresses that are not the public internet: loopback, private, shared, link-local, multicast, reserved. */
const NON_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NON_PUBLIC.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['ff00::', 8], ['::ffff:0:0', 96]] as const) NON_PUBLIC.addSubnet(net, bits, 'ipv6');

/**
 * Which targets a server-side fetch may reach. Public addresses always; non-public ones only when an allowlist
 * entry admits them (`host`, `host:port`, an IP or a CIDR); metadata addresses never.
 */
export class AddressPolicy {
  private readonly hosts = new Set<string>();
  private readonly nets = new BlockList();

  /** @param allowlist entries such as `127.0.0.1`, `localhost:11434`, `10.0.0.0/8` */
  constructor(allowlist: readonly string[] = []) {
    for (const raw of allowlist) {
      const entry = raw.trim().toLowerCase();
      if (!entry) continue;
      const cidr = /^(.+)\/(\d+)$/.exec(entry);
      if (cidr && isIP(cidr[1])) this.nets.addSubnet(cidr[1], Number(cidr[2]), isIP(cidr[1]) === 6 ? 'ipv6' : 'ipv4');
      else this.hosts.add(entry);
    }
  }

  /** Why `ip` (reached as `host:port`) is refused, or null when it may be fetched. */
  refusal(ip: string, host: string, port: number): string | null {
    const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    const mapped = family === 'ipv6' ? mappedIpv4(ip) : undefined;
    const check = (addr: string, fam: 'ipv4' | 'ipv6') => {
      if (METADATA.check(addr, fam)) return 'a link-local (metadata) address is never fetched';
      if (!NON_PUBLIC.check(addr, fam)) return null;
      const h = host.toLowerCase();
      if (this.hosts.has(h) || this.hosts.has(`${h}:${port}`) || this.hosts.has(addr) || this.hosts.has(`${addr}:${port}`)) return null;
      if (this.nets.check(addr, fam)) return null;
      return `${host} resolves to a private or loopback address (${addr}); allow it in SSRF_ALLOWLIST`;
    };
    return mapped ? check(mapped, 'ipv4') : check(ip, family);
  }
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (`::ffff:1.2.3.4` or `::ffff:102:304`), if it is one. */
function mappedIpv4(ip: string): string | undefined {
  const m = /^::ffff:(.+)$/i.exec(ip);
  if (!m) return undefined;
  if (isIP(m[1]) === 4) return m[1];
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(m[1]);
  if (!hex) return undefined;
  const n = (parseInt(hex[1], 16) << 16) | parseInt(hex[2], 16);
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
}
