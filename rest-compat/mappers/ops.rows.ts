import { HealthDocument } from '../../schema/generated/operations.js';
import { built } from './built.js';

/** Health rows: every product answers `{"status":"healthy"}` while the service answers (DESIGN §11). */
export const opsRows = {
  health: built({ operation: HealthDocument, response: () => ({ status: 'healthy' }) }),
  healthDetailed: built({
    operation: HealthDocument,
    response: ({ health: h }) => ({
      status: 'healthy',
      version: h.version,
      uptime_seconds: h.uptimeSeconds,
      database: { status: h.database.status, latency_ms: h.database.latencyMs, error: h.database.error },
    }),
  }),
};
