import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { isAbsolute, resolve, sep } from 'node:path';
import type { BackendServiceSpec } from './plugin-manifest.js';

/** How long a service may take to accept connections on its port, and to exit after SIGTERM. */
export const SERVICE_TIMEOUTS = { readyMs: 20_000, stopMs: 5_000 };
const TAIL_LINES = 20;
const HOST = '127.0.0.1';

/** What a service process is started with: its plugin, the folder it runs from and where it may keep data. */
export interface ServiceLaunch {
  pluginId: string;
  tenantId: string;
  slug: string;
  version: string;
  spec: BackendServiceSpec;
  cwd: string;
  dataDir: string;
}

export interface ServiceExit {
  code: number | null;
  signal: string | null;
  /** The end of what it wrote to stderr (or stdout when stderr was quiet). */
  tail: string;
}

/**
 * One run of a plugin's backend service: spawned in its own process group (so stopping it stops what it spawned),
 * with only the variables it needs — never the server's secrets or DATABASE_URL. Its stdin stays open and closes
 * when braingraph exits, so a service can notice even a hard kill of its parent.
 */
export class ServiceProcess {
  readonly exited: Promise<ServiceExit>;
  private readonly child: ChildProcess;
  private readonly tail: string[] = [];
  private readonly startedAt = Date.now();

  private constructor(readonly launch: ServiceLaunch, readonly port: number, onLine: (stream: string, line: string) => void) {
    const [command, ...args] = resolveCommand(launch.spec.command, launch.cwd);
    this.child = spawn(command, args, {
      cwd: launch.cwd,
      env: serviceEnv(launch, port),
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    for (const stream of ['stdout', 'stderr'] as const) {
      let partial = '';
      this.child[stream]!.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) this.remember(stream, line, onLine);
      });
    }
    this.exited = new Promise((done) => {
      // 'error' without 'exit' happens when the command can't be spawned at all (ENOENT).
      this.child.once('error', (e) => done({ code: null, signal: null, tail: `could not start ${command}: ${e.message}` }));
      this.child.once('exit', (code, signal) => done({ code, signal, tail: this.tail.join('\n') }));
    });
  }

  static async start(launch: ServiceLaunch, onLine: (stream: string, line: string) => void): Promise<ServiceProcess> {
    await mkdir(launch.dataDir, { recursive: true });
    return new ServiceProcess(launch, launch.spec.port ?? (await freePort()), onLine);
  }

  get pid(): number | null {
    return this.child.pid ?? null;
  }

  get host(): string {
    return HOST;
  }

  /** How long it has been up. */
  get uptimeMs(): number {
    return Date.now() - this.startedAt;
  }

  /** Resolves once its port accepts connections (at once for a worker that opens none); rejects if it exits first or takes longer than `readyMs`. */
  async ready(): Promise<void> {
    if (this.launch.spec.listens === false) return;
    const deadline = Date.now() + SERVICE_TIMEOUTS.readyMs;
    let gone = false;
    void this.exited.then(() => (gone = true));
    while (!gone) {
      if (await canConnect(this.port)) return;
      if (Date.now() > deadline) throw new Error(`it did not accept connections on port ${this.port} within ${SERVICE_TIMEOUTS.readyMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('it exited before accepting connections');
  }

  /** SIGTERM to the group, SIGKILL after `stopMs`; resolves when it has exited. */
  async stop(): Promise<ServiceExit> {
    const signal = (sig: NodeJS.Signals) => {
      try {
        if (this.child.pid) process.kill(-this.child.pid, sig);
      } catch {
        // Already gone.
      }
    };
    this.child.stdin?.end();
    signal('SIGTERM');
    const killer = setTimeout(() => signal('SIGKILL'), SERVICE_TIMEOUTS.stopMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(killer);
    }
  }

  private remember(stream: string, line: string, onLine: (stream: string, line: string) => void): void {
    if (stream === 'stderr' || this.tail.length === 0) this.tail.push(line.slice(0, 500));
    if (this.tail.length > TAIL_LINES) this.tail.shift();
    onLine(stream, line);
  }
}

/**
 * argv with `node` meaning this Node.js and a `./relative` program meaning one inside the plugin's folder (and
 * staying there); anything else is looked up on PATH, as the admin who installed the plugin allowed.
 */
export function resolveCommand(command: string[], cwd: string): string[] {
  const [program, ...args] = command;
  if (program === 'node') return [process.execPath, ...args];
  if (!isAbsolute(program) && program.includes('/')) {
    const inside = resolve(cwd, program);
    if (!inside.startsWith(cwd + sep)) throw new Error(`command ${program} leaves the plugin's folder`);
    return [inside, ...args];
  }
  return [program, ...args];
}

function serviceEnv(launch: ServiceLaunch, port: number): NodeJS.ProcessEnv {
  const pass = ['PATH', 'HOME', 'LANG', 'TZ', 'NODE_ENV'];
  return {
    ...Object.fromEntries(pass.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]])),
    ...launch.spec.env,
    HOST,
    PORT: String(port),
    BRAINGRAPH_PLUGIN_ID: launch.pluginId,
    BRAINGRAPH_PLUGIN_SLUG: launch.slug,
    BRAINGRAPH_PLUGIN_VERSION: launch.version,
    BRAINGRAPH_TENANT_ID: launch.tenantId,
    BRAINGRAPH_PLUGIN_DATA_DIR: launch.dataDir,
  };
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, HOST, () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: HOST, port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
    socket.once('timeout', () => (socket.destroy(), done(false)));
  });
}
