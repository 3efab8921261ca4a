import fs from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addRemote, Errors, fetch as gitFetch, init, readBlob, readTree, type GitHttpRequest, type GitHttpResponse, type HttpClient } from 'isomorphic-git';
import { create as createTar } from 'tar';
import { BadUserInputError, DomainError, ErrorCode, UpstreamUnavailableError } from '../common/errors.js';
import type { AddressPolicy } from '../common/net/address-policy.js';
import { RefusedTargetError, safeFetch } from '../common/net/safe-fetch.js';
import { PACKAGE_LIMITS, unsafeEntryName } from './plugin-package.js';

export interface GitFetchOptions {
  policy: AddressPolicy;
  /** Total bytes all answers together may carry (the upload limit). */
  maxBytes: number;
  /** The whole fetch, every request included. @default 60 s */
  timeoutMs?: number;
}

export interface GitPackageOptions extends GitFetchOptions {
  /** Tag to check out (`1.2.0` tries tag `1.2.0`, then `v1.2.0`); absent or `latest` → the default branch. */
  version?: string | null;
  /** Where the temporary clone folder is made. @default os.tmpdir() */
  tempDir?: string;
}

const ADVERTISEMENT = 'application/x-git-upload-pack-advertisement';

/** A URL whose path names a package archive (`.zip`, `.tar.gz`, `.tgz`) is downloaded as one, never probed as git. */
export function isArchiveUrl(url: string): boolean {
  try {
    return /\.(zip|tar\.gz|tgz)$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/**
 * Whether `url` is a git repository served over smart HTTP: its `info/refs?service=git-upload-pack` answers 200
 * with git's advertisement type. Archive URLs are not asked. A target the policy refuses throws (400), as a
 * download of it would.
 */
export async function isGitRepository(url: string, o: GitFetchOptions): Promise<boolean> {
  if (isArchiveUrl(url)) return false;
  const probe = infoRefsUrl(url);
  if (!probe) return false;
  const res = await safeFetch(probe, { policy: o.policy, maxBytes: o.maxBytes, timeoutMs: o.timeoutMs ?? 60_000 });
  return res.status === 200 && String(res.headers['content-type']).split(';')[0].trim() === ADVERTISEMENT;
}

/** `<url>/info/refs?service=git-upload-pack`, or null for a URL git can't be spoken to (a query string, not http). */
function infoRefsUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.search || u.hash) return null;
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/info/refs`;
  u.search = '?service=git-upload-pack';
  return u.toString();
}

/**
 * A git repository over smart HTTP as a plugin package: a shallow, single-ref clone (isomorphic-git, every request
 * through `safeFetch`, redirects re-checked, all answers together capped at `maxBytes`) whose tree is packed as a
 * tar.gz for `stagePackage`. The temporary folder is removed whatever happens.
 */
export async function gitPackage(url: string, o: GitPackageOptions): Promise<Buffer> {
  await mkdir(o.tempDir ?? tmpdir(), { recursive: true });
  const tmp = await mkdtemp(join(o.tempDir ?? tmpdir(), 'git-'));
  try {
    const gitdir = join(tmp, 'git');
    const tree = join(tmp, 'tree');
    await mkdir(tree);
    const http = budgetedHttp(url, o);
    const cache = {};
    await init({ fs, dir: tree, gitdir });
    // isomorphic-git appends `/info/refs` to the URL as given; fetch records refs under the remote's refspec.
    const remote = url.replace(/\/+$/, '');
    await addRemote({ fs, gitdir, remote: 'origin', url: remote });
    const oid = await fetchRef(remote, http, gitdir, cache, o.version);
    await writeTree({ gitdir, cache, oid, dir: tree, prefix: '', counts: { entries: 0, bytes: 0 } });
    const top = await readdir(tree);
    if (!top.length) throw invalid('the repository has no files at that ref');
    const file = join(tmp, 'package.tar.gz');
    await createTar({ gzip: true, portable: true, cwd: tree, file }, top);
    return await readFile(file);
  } catch (e) {
    throw explain(e, url);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Fetches (depth 1) the tag `version`, else `v<version>`, or HEAD; answers the fetched commit or tag object. */
async function fetchRef(url: string, http: HttpClient, gitdir: string, cache: object, version?: string | null): Promise<string> {
  const wanted = version?.trim();
  if (!wanted || wanted === 'latest') return fetchOne(url, http, gitdir, cache, 'HEAD');
  const tags = [wanted, wanted.startsWith('v') ? wanted.slice(1) : `v${wanted}`];
  for (const tag of tags) {
    try {
      return await fetchOne(url, http, gitdir, cache, `refs/tags/${tag}`);
    } catch (e) {
      if (!(e instanceof Errors.NotFoundError)) throw e;
    }
  }
  throw new BadUserInputError(`Git repository ${url} has no tag ${tags[0]} (nor ${tags[1]})`, 'version');
}

async function fetchOne(url: string, http: HttpClient, gitdir: string, cache: object, ref: string): Promise<string> {
  const res = await gitFetch({ fs, http, gitdir, cache, remote: 'origin', url, ref, remoteRef: ref, singleBranch: true, depth: 1, tags: false });
  if (!res.fetchHead) throw new BadUserInputError(`Git repository ${url} is empty`, 'repo_url');
  return res.fetchHead;
}

/** isomorphic-git's HTTP client on `safeFetch`: the policy checks every hop; one byte budget and deadline for all. */
function budgetedHttp(repoUrl: string, o: GitFetchOptions): HttpClient {
  const timeoutMs = o.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let left = o.maxBytes;
  return {
    async request(req: GitHttpRequest): Promise<GitHttpResponse> {
      const chunks: Uint8Array[] = [];
      for await (const c of req.body ?? []) chunks.push(c);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new UpstreamUnavailableError(`Timed out fetching git repository ${repoUrl}`);
      const res = await safeFetch(req.url, {
        policy: o.policy, method: req.method ?? 'GET', headers: req.headers, body: chunks.length ? Buffer.concat(chunks) : undefined,
        maxBytes: left, timeoutMs: remaining, signal: req.signal,
      }).catch((e: unknown) => {
        // Besides a refused target, the only BadUserInputError safeFetch throws is "answer larger than maxBytes".
        if (e instanceof BadUserInputError && !(e instanceof RefusedTargetError)) throw tooLarge(repoUrl, o.maxBytes);
        throw e;
      });
      left -= res.body.length;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const body = res.body;
      return { url: res.url, method: req.method, statusCode: res.status, statusMessage: '', headers, body: (async function* () { yield body; })() };
    },
  };
}

interface TreeWalk {
  gitdir: string;
  cache: object;
  oid: string;
  dir: string;
  prefix: string;
  counts: { entries: number; bytes: number };
}

/**
 * Writes the tree of `oid` (a commit, tag or tree) into `dir` under the package limits. Links are refused like an
 * archive's; submodules (their files live in another repository) and `.git` entries are left out.
 */
async function writeTree(w: TreeWalk): Promise<void> {
  const { tree } = await readTree({ fs, gitdir: w.gitdir, cache: w.cache, oid: w.oid });
  for (const e of tree) {
    const path = `${w.prefix}${e.path}`;
    if (e.type === 'commit' || e.path.toLowerCase() === '.git') continue;
    const why = unsafeEntryName(path) ?? (e.path === '.' || e.path === '' || e.path.includes('/') ? 'is not a valid file name' : null);
    if (why) throw invalid(`entry ${JSON.stringify(path)} ${why}`);
    if (e.mode === '120000') throw invalid(`entry ${JSON.stringify(path)} is a symbolic link`);
    if (++w.counts.entries > PACKAGE_LIMITS.maxEntries) throw invalid(`more than ${PACKAGE_LIMITS.maxEntries} entries`);
    const target = join(w.dir, e.path);
    if (e.type === 'tree') {
      await mkdir(target);
      await writeTree({ ...w, oid: e.oid, dir: target, prefix: `${path}/` });
      continue;
    }
    const { blob } = await readBlob({ fs, gitdir: w.gitdir, cache: w.cache, oid: e.oid });
    w.counts.bytes += blob.length;
    if (w.counts.bytes > PACKAGE_LIMITS.maxExtractedBytes) {
      throw new DomainError(ErrorCode.PayloadTooLarge, `Plugin package unpacks to more than ${PACKAGE_LIMITS.maxExtractedBytes} bytes`);
    }
    await writeFile(target, blob, { flag: 'wx', mode: 0o644 });
  }
}

const invalid = (why: string) => new BadUserInputError(`Invalid plugin package: ${why}`, 'repo_url');

const tooLarge = (url: string, maxBytes: number) => new BadUserInputError(`Git repository ${url} is larger than ${maxBytes} bytes (the upload limit)`, 'repo_url');

/** Our own errors pass; isomorphic-git's become a 400 (no such repository or ref) or a 502 (not a git server). */
function explain(e: unknown, url: string): unknown {
  if (e instanceof DomainError) return e;
  if (e instanceof Errors.HttpError) {
    const status = (e.data as { statusCode: number }).statusCode;
    if (status === 401 || status === 403 || status === 404) return new BadUserInputError(`Git repository ${url} was not found (HTTP ${status})`, 'repo_url');
    return new UpstreamUnavailableError(`Git repository ${url} answered HTTP ${status}`);
  }
  if (e instanceof Errors.NotFoundError) return new BadUserInputError(`Git repository ${url} has no such ref`, 'version');
  if (e instanceof Errors.RemoteCapabilityError) return new UpstreamUnavailableError(`Git server of ${url} can't send a shallow clone`);
  if (Object.values(Errors).some((C) => C !== null && e instanceof C)) return new UpstreamUnavailableError(`Fetching git repository ${url} failed (${(e as Error).name})`);
  return e;
}
