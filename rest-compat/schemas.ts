import { z } from 'zod';

/**
 * What a custom zod issue carries so that validation.ts can answer it the way pydantic v2 words it.
 * Put it in the issue's `params.pydantic`.
 */
export interface PydanticHint {
  type: string;
  msg: string;
  ctx?: Record<string, unknown>;
}

type Ctx = z.core.$RefinementCtx;

function fail(ctx: Ctx, input: unknown, hint: PydanticHint): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: hint.msg, input, params: { pydantic: hint } });
  return z.NEVER;
}

const HEX = /^[0-9a-fA-F]$/;
const SIMPLE_UUID = /^[0-9a-fA-F]{32}$/;
const DASHED_UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

// The wording of pydantic-core's uuid errors (from the Rust uuid crate), so clients see the same text as before.
function uuidProblem(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '-' && !HEX.test(c)) {
      return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${c}\` at ${i + 1}`;
    }
  }
  if (!value.includes('-')) return `invalid length: expected length 32 for simple format, found ${value.length}`;
  const groups = value.split('-');
  if (groups.length !== 5) return `invalid group count: expected 5, found ${groups.length}`;
  const lengths = [8, 4, 4, 4, 12];
  const bad = groups.findIndex((g, i) => g.length !== lengths[i]);
  return `invalid group length in group ${bad}: expected ${lengths[bad]}, found ${groups[bad].length}`;
}

/**
 * A UUID given with or without dashes, in any case (BrainDrive clients send both); the value is normalised to
 * dashed lower case, which is how the products answer.
 */
export const uuidParam = z
  .string()
  .transform((value, ctx) => {
    if (DASHED_UUID.test(value)) return value.toLowerCase();
    if (SIMPLE_UUID.test(value)) {
      const v = value.toLowerCase();
      return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20)}`;
    }
    const error = uuidProblem(value);
    return fail(ctx, value, { type: 'uuid_parsing', msg: `Input should be a valid UUID, ${error}`, ctx: { error } });
  })
  .meta({ format: 'uuid' });

/**
 * An object of UUID path parameters, so a row says `params: uuidParams('page_id')`.
 * @param names the path parameter names
 */
export function uuidParams<const K extends string>(...names: K[]): z.ZodObject<{ [P in K]: typeof uuidParam }> {
  const shape = Object.fromEntries(names.map((n) => [n, uuidParam])) as { [P in K]: typeof uuidParam };
  return z.object(shape);
}

const INT = /^\s*[-+]?\d+\s*$/;

export interface IntParamOptions {
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  /** Value when absent; without it the parameter is required unless wrapped in `.optional()`. */
  default?: number;
}

/**
 * An integer that may arrive as a string (query and path parameters always do), parsed as pydantic does:
 * `"abc"` and `"1.5"` are `int_parsing`, a fractional number is `int_from_float`.
 */
export function intParam(options: IntParamOptions = {}) {
  let inner = z.int();
  if (options.min !== undefined) inner = inner.min(options.min);
  if (options.max !== undefined) inner = inner.max(options.max);
  const parse = (value: unknown, ctx: Ctx): unknown => {
    if (typeof value === 'string') {
      if (INT.test(value)) return Number(value);
      return fail(ctx, value, {
        type: 'int_parsing',
        msg: 'Input should be a valid integer, unable to parse string as an integer',
      });
    }
    return value;
  };
  return options.default === undefined ? z.preprocess(parse, inner) : z.preprocess(parse, inner.default(options.default));
}

const TRUE = new Set(['true', '1', 'yes', 'on', 't', 'y']);
const FALSE = new Set(['false', '0', 'no', 'off', 'f', 'n']);

/**
 * A boolean that may arrive as a string, with pydantic's spellings (`true/false`, `1/0`, `yes/no`, `on/off`, `t/f`,
 * `y/n`, any case); anything else is `bool_parsing`.
 * @param defaultValue value when absent; without it the parameter is required unless wrapped in `.optional()`
 */
export function boolParam(defaultValue?: boolean) {
  const parse = (value: unknown, ctx: Ctx): unknown => {
    if (typeof value !== 'string') return value;
    const v = value.toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    return fail(ctx, value, { type: 'bool_parsing', msg: 'Input should be a valid boolean, unable to interpret input' });
  };
  return defaultValue === undefined ? z.preprocess(parse, z.boolean()) : z.preprocess(parse, z.boolean().default(defaultValue));
}

export interface PageParamOptions<K extends string> {
  /** Name of the page-size parameter (BrainDrive's plugin manager says `pageSize`). @default 'page_size' */
  sizeKey?: K;
  /** Page size when absent. @default min(20, maxPageSize) */
  defaultSize?: number;
}

type IntSchema = ReturnType<typeof intParam>;

/**
 * `page` (from 1) and a page size capped at `maxPageSize`; an over-limit size is a 422 `less_than_equal`,
 * as in BrainDrive. Extend it with the row's other query parameters: `pageParams(100).extend({...})`.
 * @param maxPageSize largest page size accepted
 */
export function pageParams<K extends 'page_size' | 'pageSize' = 'page_size'>(
  maxPageSize: number,
  options: PageParamOptions<K> = {},
) {
  const sizeKey = options.sizeKey ?? 'page_size';
  const size = intParam({ min: 1, max: maxPageSize, default: options.defaultSize ?? Math.min(20, maxPageSize) });
  const shape = { page: intParam({ min: 1, default: 1 }), [sizeKey]: size } as { page: IntSchema } & {
    [P in K]: IntSchema;
  };
  return z.object(shape);
}

/**
 * `offset` (from 0) and `limit` capped at `maxLimit`, StudioBrain's list paging.
 * @param maxLimit largest limit accepted
 * @param defaultLimit limit when absent @default min(50, maxLimit)
 */
export function offsetParams(maxLimit: number, defaultLimit = Math.min(50, maxLimit)) {
  return z.object({
    offset: intParam({ min: 0, default: 0 }),
    limit: intParam({ min: 1, max: maxLimit, default: defaultLimit }),
  });
}

/**
 * A query parameter that may repeat (`?tag=a&tag=b`); a single occurrence still gives an array.
 * @param item schema of one value @default z.string()
 */
export function listParam<T extends z.ZodType = z.ZodString>(item?: T) {
  return z.array((item ?? z.string()) as T);
}
