import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logs (pino); `silent` in tests unless LOG_LEVEL says otherwise. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'braingraph' } });
}
