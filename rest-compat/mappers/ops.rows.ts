import { HealthDocument, type HealthQuery } from '../../schema/generated/operations.js';
import { built } from './built.js';

/** Health rows: every product answers `{"status":"healthy"}` while the service answers (DESIGN §11). */
const aiUpstreamBody = (a: HealthQuery['health']['aiUpstream']) => ({ status: a.status, provider: a.provider, latency_ms: a.latencyMs, error: a.error });

export const opsRows = {
  /** `{"status":"healthy"}` while the service answers, plus the AI upstream's reachability (Brain Garden's /health). */
  health: built({ operation: HealthDocument, response: ({ health: h }) => ({ status: 'healthy', ai_upstream: aiUpstreamBody(h.aiUpstream) }) }),
  healthDetailed: built({
    operation: HealthDocument,
    response: ({ health: h }) => ({
      status: 'healthy',
      version: h.version,
      uptime_seconds: h.uptimeSeconds,
      database: { status: h.database.status, latency_ms: h.database.latencyMs, error: h.database.error },
      ai_upstream: aiUpstreamBody(h.aiUpstream),
    }),
  }),
};
