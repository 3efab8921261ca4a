import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { localServer } from './local-server.js';

const run = promisify(execFile);

/** One commit of a test repository: its whole tree, and a tag to put on it. */
export interface GitCommitSpec {
  files: Record<string, string | Buffer>;
  tag?: string;
}

export interface GitHttpServer {
  url: string;
  /** Every request path the server answered, in order. */
  requests: string[];
  /** Makes the bare repository `<name>.git` from the commits (in order, on branch `main`); answers its URL. */
  createRepo(name: string, commits: GitCommitSpec[]): Promise<string>;
  /** Answers requests for `path` with a 302 to `location` from now on. */
  redirect(path: string, location: string): void;
  close(): Promise<void>;
}

/** The machine's git, kept away from the user's and the system's configuration. */
const GIT_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com',
};

const git = (cwd: string, ...args: string[]) => run('git', args, { cwd, env: GIT_ENV });

/**
 * A real git smart-HTTP server on a free loopback port: bare repositories made with the git CLI, served by
 * `git http-backend` run as CGI for each request.
 */
export async function startGitHttpServer(): Promise<GitHttpServer> {
  const root = await mkdtemp(join(tmpdir(), 'braingraph-git-'));
  const requests: string[] = [];
  const redirects = new Map<string, string>();
  const server = await localServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${url.pathname}`);
    const location = redirects.get(url.pathname);
    if (location) return void res.writeHead(302, { location }).end();
    const child = spawn('git', ['http-backend'], {
      env: {
        ...GIT_ENV,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        // http-backend inflates a gzip-encoded request body itself when told so.
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
      },
    });
    req.pipe(child.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const crlf = head.indexOf('\r\n\r\n');
      const lf = head.indexOf('\n\n');
      const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      res.write(head.subarray(end + (end === crlf ? 4 : 2)));
    });
    child.stdout.on('end', () => (headersDone ? res.end() : res.writeHead(502).end()));
    child.on('error', () => res.headersSent || res.writeHead(500).end());
  });

  return {
    url: server.url,
    requests,
    async createRepo(name, commits) {
      const work = await mkdtemp(join(tmpdir(), 'braingraph-git-work-'));
      try {
        await git(work, 'init', '-q', '-b', 'main');
        for (const commit of commits) {
          for (const e of await readdir(work)) if (e !== '.git') await rm(join(work, e), { recursive: true, force: true });
          for (const [path, body] of Object.entries(commit.files)) {
            await mkdir(dirname(join(work, path)), { recursive: true });
            await writeFile(join(work, path), body);
          }
          await git(work, 'add', '-A');
          await git(work, 'commit', '-q', '-m', commit.tag ?? 'commit');
          if (commit.tag) await git(work, 'tag', '-a', commit.tag, '-m', commit.tag);
        }
        await git(root, 'clone', '-q', '--bare', work, `${name}.git`);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
      return `${server.url}/${name}.git`;
    },
    redirect(path, location) {
      redirects.set(path, location);
    },
    async close() {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
