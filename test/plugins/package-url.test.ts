import { describe, expect, it } from 'vitest';
import { archiveUrlOf, compareVersions, listingUrl } from '../../subgraphs/plugins/plugins.service.js';
import { unsafeEntryName } from '../../subgraphs/plugins/plugin-package.js';

describe('plugin package addressing', () => {
  it.each([
    ['https://github.com/org/plugin-repo', undefined, 'https://github.com/org/plugin-repo/archive/HEAD.tar.gz'],
    ['https://github.com/org/plugin-repo.git', 'v1.0.0', 'https://github.com/org/plugin-repo/archive/refs/tags/v1.0.0.tar.gz'],
    ['https://github.com/org/plugin-repo/', 'latest', 'https://github.com/org/plugin-repo/archive/HEAD.tar.gz'],
    ['https://github.com/org/plugin-repo/releases/download/v1/p.zip', 'v1', 'https://github.com/org/plugin-repo/releases/download/v1/p.zip'],
    ['http://127.0.0.1:8080/p.zip', undefined, 'http://127.0.0.1:8080/p.zip'],
  ])('should fetch %s (version %s) from %s', (repo, version, expected) => {
    expect(archiveUrlOf(repo, version)).toBe(expected);
  });

  it('should resolve relative catalogue URLs against PLUGIN_MARKETPLACE_URL and refuse them without it', () => {
    expect(listingUrl('hello.zip', 'http://host/packages')).toBe('http://host/packages/hello.zip');
    expect(listingUrl('https://cdn.example/x.zip', undefined)).toBe('https://cdn.example/x.zip');
    expect(() => listingUrl('hello.zip', undefined)).toThrow('PLUGIN_MARKETPLACE_URL');
  });

  it('should order versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0-beta')).toBe(0);
    expect(compareVersions('0.9.0', '1.0.0')).toBeLessThan(0);
  });

  it.each(['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\\\b', 'a\0b'])('should call %j unsafe', (name) => {
    expect(unsafeEntryName(name)).not.toBeNull();
  });
});
