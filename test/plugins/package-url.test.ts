import { describe, expect, it } from 'vitest';
import { compareVersions, listingUrl } from '../../subgraphs/plugins/plugins.service.js';
import { isArchiveUrl } from '../../subgraphs/plugins/git-package.js';
import { unsafeEntryName } from '../../subgraphs/plugins/plugin-package.js';

describe('plugin package addressing', () => {
  it.each([
    ['https://github.com/org/plugin-repo/releases/download/v1/p.zip', true],
    ['http://127.0.0.1:8080/p.tar.gz', true],
    ['http://127.0.0.1:8080/P.TGZ', true],
    ['https://github.com/org/plugin-repo', false],
    ['https://github.com/org/plugin-repo.git', false],
    ['https://host/p.zip/', false],
    ['not a url', false],
  ])('should take %s for an archive: %s (otherwise it is probed as git)', (url, archive) => {
    expect(isArchiveUrl(url)).toBe(archive);
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
