import { describe, expect, it } from 'vitest';
import { createErrorFormatter } from '../../gateway/format-error.js';

describe('error masking', () => {
  const internal = { message: 'connect ECONNREFUSED 10.0.0.3:5432 (password=hunter2)', path: ['me'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } };

  it('should mask internal errors in production and keep domain errors as written', () => {
    const format = createErrorFormatter(true);
    expect(format(internal)).toEqual({ message: 'Internal server error', path: ['me'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const domain = { message: 'API key not found', extensions: { code: 'NOT_FOUND', stacktrace: ['at y'] } };
    expect(format(domain)).toEqual({ message: 'API key not found', extensions: { code: 'NOT_FOUND' } });
  });

  it('should pass internal errors through in development', () => {
    expect(createErrorFormatter(false)(internal).message).toContain('ECONNREFUSED');
  });
});
