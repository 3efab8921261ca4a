import { z } from 'zod';

/**
 * Job types anyone may create, with their payload schemas. The handler of each lives in the domain that owns the
 * work; the jobs subgraph only needs to know the type exists and what its payload looks like.
 */
export const jobTypes: Record<string, z.ZodType<Record<string, unknown>>> = {
  /** For demos and tests: sleeps, reporting progress. */
  'system.sleep': z.object({ seconds: z.number().min(0).max(3600) }),
  /** A BReact OS service call; created by `executeService`, which checks the parameters first. */
  'breact.service': z.object({ service: z.string(), endpoint: z.string(), params: z.record(z.string(), z.unknown()) }),
  /** Chat's Ollama model pull; created by chat for its user, worked by chat. */
  'ollama.install': z.object({ model: z.string().min(1), serverUrl: z.string().nullish(), settingsId: z.string().nullish(), serverId: z.string().nullish() }),
};

/** Types only the platform creates (with checks of its own first); `POST /jobs` refuses them. */
export const internalJobTypes: ReadonlySet<string> = new Set(['breact.service', 'ollama.install']);
