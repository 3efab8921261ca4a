import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Parser, type ReadEntry } from 'tar';
import yauzl from 'yauzl';
import { BadUserInputError, DomainError, ErrorCode } from '../common/errors.js';
import { parseManifest, type PluginManifest } from './plugin-manifest.js';

/** Caps on what one package may unpack to: a small archive must not fill the disk (zip bombs). */
export const PACKAGE_LIMITS = { maxEntries: 2000, maxExtractedBytes: 100 * 1024 * 1024 };

/** A package unpacked into staging: `root` holds plugin.json; `cleanup` removes the staging folder. */
export interface StagedPackage {
  manifest: PluginManifest;
  root: string;
  cleanup(): Promise<void>;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * The folder layout under the data directory: `plugins/<tenant>/<slug>/<version>/` for installed files and
 * `plugins/.staging/<uuid>/` while a package is unpacked and checked.
 */
export function pluginsRoot(dataDir: string): string {
  return resolve(dataDir, 'plugins');
}

export function installedDir(dataDir: string, tenantId: string, slug: string, version?: string): string {
  const base = join(pluginsRoot(dataDir), tenantId, slug);
  return version ? join(base, version) : base;
}

/** Why an entry name is unsafe to write, or null: absolute, drive-lettered, backslashed or `..` paths are refused. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\0')) return 'contains a NUL byte';
  if (name.includes('\\')) return 'uses backslashes';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((s) => s === '..')) return 'escapes the package folder (..)';
  return null;
}

const invalid = (why: string) => new BadUserInputError(`Invalid plugin package: ${why}`, 'file');

/**
 * Unpacks a zip or tar.gz archive into a fresh staging folder and checks it: every entry stays inside the folder, no links,
 * entry count and unpacked size capped, `plugin.json` valid, the bundle entry present. On any failure the staging
 * folder is removed before the error is thrown, so nothing is left behind.
 */
export async function stagePackage(dataDir: string, archive: Buffer): Promise<StagedPackage> {
  const staging = join(pluginsRoot(dataDir), '.staging', randomUUID());
  await mkdir(staging, { recursive: true });
  const cleanup = () => rm(staging, { recursive: true, force: true });
  try {
    if (archive[0] === 0x50 && archive[1] === 0x4b) await unzipInto(archive, staging);
    else if (archive[0] === 0x1f && archive[1] === 0x8b) await untarInto(archive, staging);
    else throw invalid('not a zip or tar.gz archive');
    const root = await packageRoot(staging);
    const manifest = parseManifest(await readFile(join(root, 'plugin.json')));
    for (const entry of [manifest.bundle.entry, ...(manifest.pages ?? []).map((p) => p.entry), ...(manifest.panels ?? []).map((p) => p.entry)]) {
      const file = await stat(join(root, entry)).catch(() => null);
      if (!file?.isFile()) throw invalid(`plugin.json names ${entry}, which is not in the archive`);
    }
    return { manifest, root, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** plugin.json at the top, or inside the archive's single top folder (as GitHub's archives have it). */
async function packageRoot(staging: string): Promise<string> {
  if (await stat(join(staging, 'plugin.json')).catch(() => null)) return staging;
  const top = await readdir(staging, { withFileTypes: true });
  if (top.length === 1 && top[0].isDirectory() && (await stat(join(staging, top[0].name, 'plugin.json')).catch(() => null))) return join(staging, top[0].name);
  throw invalid('plugin.json is missing (expected at the top of the archive)');
}

function openZip(archive: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((ok, fail) =>
    // decodeStrings off: yauzl's own name check would throw its own words; ours names the entry and the reason.
    yauzl.fromBuffer(archive, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (err, zip) => (err ? fail(invalid(`not a zip archive (${err.message})`)) : ok(zip))),
  );
}

async function unzipInto(archive: Buffer, dest: string): Promise<void> {
  const zip = await openZip(archive);
  let entries = 0;
  let bytes = 0;
  try {
    await new Promise<void>((done, fail) => {
      zip.on('error', (e: Error) => fail(e instanceof DomainError ? e : invalid(e.message)));
      zip.on('end', () => done());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          const name = (entry.fileName as unknown as Buffer).toString('utf8');
          if (++entries > PACKAGE_LIMITS.maxEntries) throw invalid(`more than ${PACKAGE_LIMITS.maxEntries} entries`);
          const why = unsafeEntryName(name);
          if (why) throw invalid(`entry ${JSON.stringify(name)} ${why}`);
          const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
          if (mode === S_IFLNK) throw invalid(`entry ${JSON.stringify(name)} is a symbolic link`);
          bytes += entry.uncompressedSize;
          if (bytes > PACKAGE_LIMITS.maxExtractedBytes) {
            throw new DomainError(ErrorCode.PayloadTooLarge, `Plugin package unpacks to more than ${PACKAGE_LIMITS.maxExtractedBytes} bytes`);
          }
          const target = resolve(dest, name);
          // Belt and braces after the name check: the resolved path must stay inside the staging folder.
          if (target !== dest && !target.startsWith(dest + sep)) throw invalid(`entry ${JSON.stringify(name)} escapes the package folder`);
          if (name.endsWith('/')) {
            await mkdir(target, { recursive: true });
          } else {
            await mkdir(dirname(target), { recursive: true });
            const stream = await new Promise<NodeJS.ReadableStream>((ok, no) => zip.openReadStream(entry, (e, s) => (e ? no(invalid(e.message)) : ok(s))));
            await pipeline(stream, createWriteStream(target, { flags: 'wx', mode: 0o644 })).catch((e: NodeJS.ErrnoException) => {
              throw e.code === 'EEXIST' ? invalid(`entry ${JSON.stringify(name)} appears twice`) : e instanceof DomainError ? e : invalid(e.message);
            });
          }
          zip.readEntry();
        })().catch(fail);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** The entry types a tar.gz package may hold; links of either kind and devices are refused. */
const TAR_FILES = new Set(['File', 'OldFile', 'ContiguousFile']);

async function untarInto(archive: Buffer, dest: string): Promise<void> {
  let entries = 0;
  let bytes = 0;
  const writes: Promise<void>[] = [];
  let failure: Error | null = null;
  const refuse = (e: Error) => {
    failure ??= e;
  };
  await new Promise<void>((done) => {
    const parser = new Parser({ strict: true });
    parser.on('entry', (entry: ReadEntry) => {
      const name = entry.path;
      const why = failure ? 'skipped' : tarRefusal(entry, dest);
      if (!why && ++entries > PACKAGE_LIMITS.maxEntries) refuse(invalid(`more than ${PACKAGE_LIMITS.maxEntries} entries`));
      bytes += entry.size;
      if (!why && bytes > PACKAGE_LIMITS.maxExtractedBytes) refuse(new DomainError(ErrorCode.PayloadTooLarge, `Plugin package unpacks to more than ${PACKAGE_LIMITS.maxExtractedBytes} bytes`));
      if (why || failure) {
        if (why && why !== 'skipped') refuse(invalid(`entry ${JSON.stringify(name)} ${why}`));
        entry.resume();
        return;
      }
      const target = resolve(dest, name);
      if (entry.type === 'Directory') {
        entry.resume();
        writes.push(mkdir(target, { recursive: true }).then(() => undefined));
        return;
      }
      // Parser keeps an unread entry's bytes until it is consumed, so the folder can be made first.
      writes.push(
        mkdir(dirname(target), { recursive: true })
          .then(() => pipeline(entry, createWriteStream(target, { flags: 'wx', mode: 0o644 })))
          .catch((e: NodeJS.ErrnoException) => refuse(e.code === 'EEXIST' ? invalid(`entry ${JSON.stringify(name)} appears twice`) : invalid(e.message))),
      );
    });
    parser.on('warn', (_code: string, message: string | Error) => refuse(invalid(`not a valid tar.gz archive (${typeof message === 'string' ? message : message.message})`)));
    parser.on('error', (e: Error) => refuse(invalid(`not a valid tar.gz archive (${e.message})`)));
    parser.on('close', () => done());
    parser.end(archive);
  });
  await Promise.all(writes);
  if (failure) throw failure;
}

/** Why a tar entry may not be written, or null. PAX and GNU metadata entries are read by the parser itself. */
function tarRefusal(entry: ReadEntry, dest: string): string | null {
  const why = unsafeEntryName(entry.path);
  if (why) return why;
  if (entry.type === 'SymbolicLink' || entry.type === 'Link') return 'is a link';
  if (entry.type !== 'Directory' && !TAR_FILES.has(entry.type)) return `is a ${entry.type} entry`;
  const target = resolve(dest, entry.path);
  if (target !== dest && !target.startsWith(dest + sep)) return 'escapes the package folder';
  return null;
}
