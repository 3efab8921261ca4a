/**
 * Every environment variable braingraph reads, in one place (README lists them; `.env.example` too).
 * A bad value throws an EnvError naming the variable, so start-up stops with a clear message.
 */
export class EnvError extends Error {
  constructor(name: string, problem: string) {
    super(`Invalid environment variable ${name}: ${problem}`);
    this.name = 'EnvError';
  }
}

type Source = Record<string, string | undefined>;

function raw(src: Source, name: string): string | undefined {
  const v = src[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function str(src: Source, name: string, fallback: string): string;
function str(src: Source, name: string): string | undefined;
function str(src: Source, name: string, fallback?: string) {
  return raw(src, name) ?? fallback;
}

function int(src: Source, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const v = raw(src, name);
  if (v === undefined) return fallback;
  if (!/^-?\d+$/.test(v)) throw new EnvError(name, `expected an integer, got "${v}"`);
  const n = Number(v);
  if (n < min || n > max) throw new EnvError(name, `expected ${min}..${max}, got ${n}`);
  return n;
}

function bool(src: Source, name: string, fallback: boolean): boolean {
  const v = raw(src, name)?.toLowerCase();
  if (v === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new EnvError(name, `expected true or false, got "${v}"`);
}

function url(src: Source, name: string, protocols: string[]): string | undefined {
  const v = raw(src, name);
  if (v === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new EnvError(name, `not a URL: "${v}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new EnvError(name, `expected a ${protocols.join(' or ')} URL, got "${parsed.protocol}"`);
  }
  return v;
}

function list(src: Source, name: string): string[] {
  return (raw(src, name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** `name=url,name=url` pairs, each URL checked. */
function urlMap(src: Source, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of list(src, name)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new EnvError(name, `expected name=url pairs, got "${pair}"`);
    const key = pair.slice(0, eq).trim();
    out[key] = url({ [name]: pair.slice(eq + 1).trim() }, name, ['http:', 'https:'])!;
  }
  return out;
}

function secret(src: Source, name: string): string | undefined {
  const v = raw(src, name);
  if (v !== undefined && v.length < 32) throw new EnvError(name, 'must be at least 32 characters');
  return v;
}

function oneOf<T extends string>(src: Source, name: string, values: readonly T[], fallback: T): T {
  const v = raw(src, name);
  if (v === undefined) return fallback;
  if (!values.includes(v as T)) throw new EnvError(name, `expected one of ${values.join(', ')}, got "${v}"`);
  return v as T;
}

/** Reads and validates the environment. Pure: pass another object in tests. */
export function readEnv(src: Source = process.env) {
  const ports = list(src, 'REST_PORTS');
  const restPorts = (ports.length ? ports : ['8005', '8201']).map((p) => {
    if (!/^\d+$/.test(p) || Number(p) > 65535) throw new EnvError('REST_PORTS', `not a port: "${p}"`);
    return Number(p);
  });
  return {
    nodeEnv: oneOf(src, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development'),
    logLevel: oneOf(src, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    /** Interface every server binds to. @default 127.0.0.1 */
    host: str(src, 'HOST', '127.0.0.1'),
    gatewayPort: int(src, 'GATEWAY_PORT', 4000, 0, 65535),
    restPorts,
    /** A real PostgreSQL; without it an embedded one starts in the data directory. */
    databaseUrl: url(src, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: str(src, 'BRAINGRAPH_DATA_DIR', './.braingraph'),
    embeddedPgPort: int(src, 'EMBEDDED_PG_PORT', 55432, 1, 65535),
    /** Connections per subgraph pool; every subgraph of one process shares one server (max_connections 100). */
    dbPoolMax: int(src, 'DB_POOL_MAX', 4, 1, 50),
    redisUrl: url(src, 'REDIS_URL', ['redis:', 'rediss:']),
    /** Prefix of braingraph's Redis keys, so several deployments can share one Redis. @default bg: */
    redisKeyPrefix: str(src, 'REDIS_KEY_PREFIX', 'bg:'),
    jwtSecret: secret(src, 'JWT_SECRET'),
    internalSecret: secret(src, 'INTERNAL_SECRET'),
    /** Encrypts secrets at rest; losing it makes stored provider keys unreadable. */
    encryptionSecret: secret(src, 'ENCRYPTION_SECRET'),
    accessTokenTtl: int(src, 'ACCESS_TOKEN_TTL_SECONDS', 1800, 30),
    refreshTokenTtl: int(src, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600, 60),
    refreshGraceSeconds: int(src, 'REFRESH_GRACE_SECONDS', 30, 0, 600),
    /** `Secure` on cookies: `auto` when the request came over HTTPS. */
    cookieSecure: oneOf(src, 'COOKIE_SECURE', ['auto', 'true', 'false'] as const, 'auto'),
    corsOrigins: list(src, 'CORS_ORIGINS'),
    /** The web app's public URL, for links in emails (password reset); else the first CORS origin, else this server. */
    publicWebUrl: url(src, 'PUBLIC_WEB_URL', ['http:', 'https:']),
    rateLimitAuthPerMin: int(src, 'RATE_LIMIT_AUTH_PER_MIN', 30, 1),
    rateLimitPerMin: int(src, 'RATE_LIMIT_PER_MIN', 600, 1),
    rateLimitUserPerMin: int(src, 'RATE_LIMIT_USER_PER_MIN', 600, 1),
    rateLimitBrainGardenPerMin: int(src, 'RATE_LIMIT_BRAINGARDEN_PER_MIN', 30, 1),
    maxBodyBytes: int(src, 'MAX_BODY_BYTES', 5 * 1024 * 1024, 1024),
    /** Largest uploaded file (multipart), per file. @default 20 MiB */
    maxUploadBytes: int(src, 'MAX_UPLOAD_BYTES', 20 * 1024 * 1024, 1024),
    supergraphPath: str(src, 'SUPERGRAPH_PATH'),
    /** Subgraphs reached over HTTP (their routing URL) instead of in-process: names, or `all`. */
    remoteSubgraphs: list(src, 'REMOTE_SUBGRAPHS'),
    /** Routing URL overrides for remote subgraphs: `identity=http://10.0.0.5:4001/graphql,…`. */
    subgraphUrls: urlMap(src, 'SUBGRAPH_URLS'),
    introspection: bool(src, 'INTROSPECTION', true),
    /** Non-public targets that server-side fetches (scrape, plugin install) may reach: hosts, host:port, IPs, CIDRs. */
    ssrfAllowlist: list(src, 'SSRF_ALLOWLIST'),
    /** Base URL that relative package URLs of the shipped marketplace catalogue resolve against; unset → 503 for them. */
    pluginMarketplaceUrl: url(src, 'PLUGIN_MARKETPLACE_URL', ['http:', 'https:']),
    /** First wait before a crashed plugin backend service is started again; it doubles per crash (up to 30 s). */
    pluginServiceBackoffMs: int(src, 'PLUGIN_SERVICE_BACKOFF_MS', 500, 10, 30_000),
    /** PostgreSQL schema of the job queue (pg-boss); processes sharing it share the queue. @default pgboss */
    jobsQueueSchema: str(src, 'JOBS_QUEUE_SCHEMA', 'pgboss'),
    /** A SearXNG instance for web search; unset → the search routes answer 503. */
    searxngUrl: url(src, 'SEARXNG_URL', ['http:', 'https:']),
    /** SMTP server for outgoing mail (password reset): `smtp://user:pass@host:587` or `smtps://…`; unset → 503. */
    smtpUrl: url(src, 'SMTP_URL', ['smtp:', 'smtps:']),
    /** Sender of outgoing mail. @default braingraph <no-reply@localhost> */
    mailFrom: str(src, 'MAIL_FROM', 'braingraph <no-reply@localhost>'),
    /** The platform's AI provider and model, used when a request names none (Brain Garden, BReact's aisummary). */
    defaultAiProvider: str(src, 'DEFAULT_AI_PROVIDER'),
    defaultAiModel: str(src, 'DEFAULT_AI_MODEL'),
    /** AI provider servers on private or loopback addresses that users may configure (host:port, host, IP or CIDR). */
    providerHostAllowlist: raw(src, 'PROVIDER_HOST_ALLOWLIST') === undefined ? ['localhost:11434', '127.0.0.1:11434'] : list(src, 'PROVIDER_HOST_ALLOWLIST'),
    /** The platform's Ollama, used when a user configured no server. */
    ollamaHost: url(src, 'OLLAMA_HOST', ['http:', 'https:']),
    /** OpenAI's API (or a compatible one). @default https://api.openai.com/v1 */
    openaiBaseUrl: url(src, 'OPENAI_BASE_URL', ['http:', 'https:']) ?? 'https://api.openai.com/v1',
    /** Anthropic's API. @default https://api.anthropic.com */
    anthropicBaseUrl: url(src, 'ANTHROPIC_BASE_URL', ['http:', 'https:']) ?? 'https://api.anthropic.com',
    /** OpenRouter's API. @default https://openrouter.ai/api/v1 */
    openrouterBaseUrl: url(src, 'OPENROUTER_BASE_URL', ['http:', 'https:']) ?? 'https://openrouter.ai/api/v1',
    /** The platform's OpenRouter key, used when a user stored none. */
    openrouterApiKey: str(src, 'OPENROUTER_API_KEY'),
    /** Google's Gemini API. @default https://generativelanguage.googleapis.com */
    googleAiBaseUrl: url(src, 'GOOGLE_AI_BASE_URL', ['http:', 'https:']) ?? 'https://generativelanguage.googleapis.com',
    /** Brain Garden's curated models (`GET /v1/models`), comma-separated `provider/model` names. */
    braingardenModels: list(src, 'BRAINGARDEN_MODELS'),
    /** Brain Garden's plan name and generations per calendar month (`GET /v1/usage/me`). @default free, 1000 */
    braingardenPlan: str(src, 'BRAINGARDEN_PLAN', 'free'),
    braingardenMonthlyGenerations: int(src, 'BRAINGARDEN_MONTHLY_GENERATIONS', 1000, 0),
    /** How long a BReact OS service result stays readable after it completes. @default 60 */
    breactResultTtlSeconds: int(src, 'BREACT_RESULT_TTL_SECONDS', 60, 1),
    apolloTelemetry: bool(src, 'APOLLO_TELEMETRY', false),
    trustProxy: bool(src, 'TRUST_PROXY', false),
  };
}

export type Env = ReturnType<typeof readEnv>;
