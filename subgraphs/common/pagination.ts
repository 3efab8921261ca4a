import { BadUserInputError } from './errors.js';

export interface OffsetPage {
  offset: number;
  limit: number;
}

/**
 * Normalises offset/limit arguments; out-of-range values are the caller's error, not silently clamped,
 * so REST and GraphQL answer the same bad input the same way.
 * @param maxLimit the largest page a list serves @default 100
 */
export function offsetPage(args: { offset?: number | null; limit?: number | null }, defaultLimit = 50, maxLimit = 100): OffsetPage {
  const offset = args.offset ?? 0;
  const limit = args.limit ?? defaultLimit;
  if (!Number.isInteger(offset) || offset < 0) throw new BadUserInputError('offset must be a non-negative integer', 'offset');
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw new BadUserInputError(`limit must be between 1 and ${maxLimit}`, 'limit');
  }
  return { offset, limit };
}

/** Converts BrainDrive's page/page_size to an offset page. */
export function pageToOffset(page: number, pageSize: number, maxPageSize = 100): OffsetPage {
  if (!Number.isInteger(page) || page < 1) throw new BadUserInputError('page must be a positive integer', 'page');
  return offsetPage({ offset: (page - 1) * pageSize, limit: pageSize }, pageSize, maxPageSize);
}
