import type { z } from 'zod';
import type { RouteRow } from './route.types.js';
import type { PydanticHint } from './schemas.js';

export {
  boolParam,
  intParam,
  listParam,
  offsetParams,
  pageParams,
  uuidParam,
  uuidParams,
  type IntParamOptions,
  type PageParamOptions,
  type PydanticHint,
} from './schemas.js';

/** One entry of FastAPI's 422 body `{"detail": [...]}` (pydantic v2 wording). */
export interface ValidationErrorItem {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

export type RequestPart = 'path' | 'query' | 'body';

/** Query values as parsed from the URL: a repeated key gives an array. */
export type QueryValues = Record<string, string | string[]>;

export type ValidationResult =
  | { ok: true; params: Record<string, unknown>; query: Record<string, unknown>; body: unknown }
  | { ok: false; detail: ValidationErrorItem[] };

/**
 * Validates a request's path parameters, query and body with the row's schemas, reporting every failure at once
 * the way FastAPI does. A part without a schema passes through as received.
 */
export function validateRequest(
  row: Pick<RouteRow, 'params' | 'query' | 'body'>,
  input: { params: Record<string, string>; query: QueryValues; body: unknown },
): ValidationResult {
  const detail: ValidationErrorItem[] = [];
  const params = validatePart(row.params, 'path', input.params, detail);
  const query = validatePart(row.query, 'query', row.query ? shapeQuery(row.query, input.query) : input.query, detail);
  const body = validatePart(row.body, 'body', input.body, detail);
  if (detail.length > 0) return { ok: false, detail };
  return { ok: true, params: params as Record<string, unknown>, query: query as Record<string, unknown>, body };
}

function validatePart(schema: z.ZodType | undefined, part: RequestPart, raw: unknown, out: ValidationErrorItem[]): unknown {
  if (!schema) return raw;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  out.push(...toValidationErrors(result.error.issues, part, raw, schema));
  return undefined;
}

/** FastAPI's answer to a body that is not JSON: `loc` ends with the character position. */
export function jsonInvalidError(pos: number, error: string): ValidationErrorItem {
  return { type: 'json_invalid', loc: ['body', pos], msg: 'JSON decode error', input: {}, ctx: { error } };
}

/**
 * Turns zod issues into pydantic v2 error items.
 * @param raw the value before parsing, which pydantic reports as `input` (query strings stay strings)
 * @param schema the schema that produced the issues, consulted to tell integers from numbers
 */
export function toValidationErrors(
  issues: readonly z.core.$ZodIssue[],
  part: RequestPart,
  raw: unknown,
  schema?: z.ZodType,
): ValidationErrorItem[] {
  return issues.flatMap((issue) => toItems(issue, part, raw, schema, []));
}

type Path = readonly PropertyKey[];

function toItems(issue: z.core.$ZodIssue, part: RequestPart, raw: unknown, schema: z.ZodType | undefined, base: Path): ValidationErrorItem[] {
  const path = [...base, ...issue.path];
  // Union and container issues hold the real ones; pydantic reports those (first alternative for a union).
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    return issue.errors[0].flatMap((nested) => toItems(nested, part, raw, undefined, path));
  }
  if ((issue.code === 'invalid_key' || issue.code === 'invalid_element') && issue.issues.length > 0) {
    return issue.issues.flatMap((nested) => toItems(nested, part, raw, undefined, path));
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      type: 'extra_forbidden',
      loc: loc(part, [...path, key]),
      msg: 'Extra inputs are not permitted',
      input: valueAt(raw, [...path, key]),
    }));
  }
  const input = valueAt(raw, path);
  if (issue.code === 'invalid_type' && input === undefined) {
    // FastAPI reports the enclosing object for a missing body field, null elsewhere.
    const parent = part === 'body' && path.length > 0 ? valueAt(raw, path.slice(0, -1)) : null;
    return [{ type: 'missing', loc: loc(part, path), msg: 'Field required', input: parent ?? null }];
  }
  const described = describe(issue, input, part, path, schema);
  const item: ValidationErrorItem = { type: described.type, loc: loc(part, path), msg: described.msg, input };
  if (described.ctx) item.ctx = described.ctx;
  return [item];
}

function describe(issue: z.core.$ZodIssue, input: unknown, part: RequestPart, path: Path, schema: z.ZodType | undefined): PydanticHint {
  switch (issue.code) {
    case 'custom': {
      const hint = (issue.params as { pydantic?: PydanticHint } | undefined)?.pydantic;
      return hint ?? { type: 'value_error', msg: `Value error, ${issue.message}`, ctx: { error: issue.message } };
    }
    case 'invalid_type':
      return wrongType(issue.expected, input, part, path, schema);
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false, input);
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false, input);
    case 'invalid_format':
      return badFormat(issue.format, issue.pattern, input);
    case 'invalid_value': {
      const expected = alternatives(issue.values);
      return issue.values.length === 1
        ? { type: 'literal_error', msg: `Input should be ${expected}`, ctx: { expected } }
        : { type: 'enum', msg: `Input should be ${expected}`, ctx: { expected } };
    }
    case 'not_multiple_of':
      return { type: 'multiple_of', msg: `Input should be a multiple of ${issue.divisor}`, ctx: { multiple_of: issue.divisor } };
    default:
      return { type: 'value_error', msg: `Value error, ${issue.message}`, ctx: { error: issue.message } };
  }
}

function wrongType(expected: string, input: unknown, part: RequestPart, path: Path, schema: z.ZodType | undefined): PydanticHint {
  const isString = typeof input === 'string';
  switch (expected) {
    case 'string':
      return { type: 'string_type', msg: 'Input should be a valid string' };
    case 'int':
      if (typeof input === 'number' && Number.isFinite(input)) {
        return { type: 'int_from_float', msg: 'Input should be a valid integer, got a number with a fractional part' };
      }
      return intType(isString);
    case 'number':
      if (isIntegerSchema(schemaAt(schema, path))) return intType(isString);
      return isString
        ? { type: 'float_parsing', msg: 'Input should be a valid number, unable to parse string as a number' }
        : { type: 'float_type', msg: 'Input should be a valid number' };
    case 'boolean':
      return isString
        ? { type: 'bool_parsing', msg: 'Input should be a valid boolean, unable to interpret input' }
        : { type: 'bool_type', msg: 'Input should be a valid boolean' };
    case 'object':
      return part === 'body' && path.length === 0
        ? { type: 'model_attributes_type', msg: 'Input should be a valid dictionary or object to extract fields from' }
        : { type: 'dict_type', msg: 'Input should be a valid dictionary' };
    case 'record':
    case 'map':
      return { type: 'dict_type', msg: 'Input should be a valid dictionary' };
    case 'array':
    case 'tuple':
    case 'set':
      return { type: 'list_type', msg: 'Input should be a valid list' };
    case 'null':
      return { type: 'none_required', msg: 'Input should be None' };
    case 'date':
      return { type: 'datetime_type', msg: 'Input should be a valid datetime' };
    default:
      return { type: `${expected}_type`, msg: `Input should be a valid ${expected}` };
  }
}

const intType = (isString: boolean): PydanticHint =>
  isString
    ? { type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' }
    : { type: 'int_type', msg: 'Input should be a valid integer' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function tooSmall(origin: string, min: number, inclusive: boolean, input: unknown): PydanticHint {
  if (origin === 'string') {
    return { type: 'string_too_short', msg: `String should have at least ${plural(min, 'character')}`, ctx: { min_length: min } };
  }
  if (origin === 'array' || origin === 'set') {
    const actual = Array.isArray(input) ? input.length : 0;
    return {
      type: 'too_short',
      msg: `List should have at least ${plural(min, 'item')} after validation, not ${actual}`,
      ctx: { field_type: 'List', min_length: min, actual_length: actual },
    };
  }
  return inclusive
    ? { type: 'greater_than_equal', msg: `Input should be greater than or equal to ${min}`, ctx: { ge: min } }
    : { type: 'greater_than', msg: `Input should be greater than ${min}`, ctx: { gt: min } };
}

function tooBig(origin: string, max: number, inclusive: boolean, input: unknown): PydanticHint {
  if (origin === 'string') {
    return { type: 'string_too_long', msg: `String should have at most ${plural(max, 'character')}`, ctx: { max_length: max } };
  }
  if (origin === 'array' || origin === 'set') {
    const actual = Array.isArray(input) ? input.length : 0;
    return {
      type: 'too_long',
      msg: `List should have at most ${plural(max, 'item')} after validation, not ${actual}`,
      ctx: { field_type: 'List', max_length: max, actual_length: actual },
    };
  }
  return inclusive
    ? { type: 'less_than_equal', msg: `Input should be less than or equal to ${max}`, ctx: { le: max } }
    : { type: 'less_than', msg: `Input should be less than ${max}`, ctx: { lt: max } };
}

function badFormat(format: string, pattern: string | undefined, input: unknown): PydanticHint {
  switch (format) {
    case 'email': {
      const reason = emailProblem(String(input));
      return { type: 'value_error', msg: `value is not a valid email address: ${reason}`, ctx: { reason } };
    }
    case 'uuid':
    case 'guid':
      return { type: 'uuid_parsing', msg: 'Input should be a valid UUID, invalid character', ctx: { error: 'invalid character' } };
    case 'url':
      return { type: 'url_parsing', msg: 'Input should be a valid URL, relative URL without a base', ctx: { error: 'relative URL without a base' } };
    case 'datetime':
      return { type: 'datetime_from_date_parsing', msg: 'Input should be a valid datetime or date, invalid character in year', ctx: { error: 'invalid character in year' } };
    case 'date':
      return { type: 'date_from_datetime_parsing', msg: 'Input should be a valid date or datetime, invalid character in year', ctx: { error: 'invalid character in year' } };
    case 'regex':
      return { type: 'string_pattern_mismatch', msg: `String should match pattern '${pattern}'`, ctx: { pattern } };
    default:
      return { type: 'value_error', msg: `Value error, invalid ${format}`, ctx: { error: `invalid ${format}` } };
  }
}

// The reasons python-email-validator gives, for the mistakes people make.
function emailProblem(value: string): string {
  const at = value.indexOf('@');
  if (at < 0) return 'An email address must have an @-sign.';
  if (at === 0) return 'There must be something before the @-sign.';
  const domain = value.slice(at + 1);
  if (domain === '') return 'There must be something after the @-sign.';
  if (domain.includes('@')) return "The part after the @-sign contains invalid characters: '@'.";
  if (!domain.includes('.')) return 'The part after the @-sign is not valid. It should have a period.';
  return 'The email address is not valid.';
}

// Python's repr of the accepted values: 'a' or 'b'; 'a', 'b' or 'c'.
function alternatives(values: readonly unknown[]): string {
  const repr = values.map((v) => (typeof v === 'string' ? `'${v}'` : v === true ? 'True' : v === false ? 'False' : v === null ? 'None' : String(v)));
  return repr.length <= 1 ? (repr[0] ?? '') : `${repr.slice(0, -1).join(', ')} or ${repr[repr.length - 1]}`;
}

const loc = (part: RequestPart, path: Path): (string | number)[] => [part, ...path.map((p) => (typeof p === 'number' ? p : String(p)))];

function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

// Enough of zod's internal definition to walk a schema by path.
interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  format?: string;
  checks?: { _zod: { def: { format?: string } } }[];
}

const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 16; depth++) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type)) current = def.innerType;
    else if (def.type === 'pipe') current = defOf(def.in!).type === 'transform' ? def.out : def.in;
    else return current;
  }
  return current;
}

function schemaAt(schema: z.ZodType | undefined, path: Path): z.ZodType | undefined {
  let current = unwrap(schema);
  for (const key of path) {
    if (!current) return undefined;
    const def = defOf(current);
    if (def.type === 'object') current = unwrap(def.shape?.[String(key)]);
    else if (def.type === 'array') current = unwrap(def.element);
    else if (def.type === 'record') current = unwrap(def.valueType);
    else return undefined;
  }
  return current;
}

function isIntegerSchema(schema: z.ZodType | undefined): boolean {
  if (!schema) return false;
  const def = defOf(schema);
  if (def.type !== 'number') return false;
  return Boolean(def.format?.includes('int') || def.checks?.some((c) => c._zod.def.format?.includes('int')));
}

const arrayKeysCache = new WeakMap<z.ZodType, Set<string>>();

/**
 * Shapes raw query values for a schema: a repeated key keeps all its values only where the schema wants an array
 * (`listParam`); elsewhere the last value wins, as in Starlette; a single value for an array key becomes `[value]`.
 */
export function shapeQuery(schema: z.ZodType, query: QueryValues): Record<string, string | string[]> {
  let arrayKeys = arrayKeysCache.get(schema);
  if (!arrayKeys) {
    arrayKeys = new Set();
    const shape = defOf(unwrap(schema) ?? schema).shape ?? {};
    for (const [key, field] of Object.entries(shape)) {
      const inner = unwrap(field);
      if (inner && defOf(inner).type === 'array') arrayKeys.add(key);
    }
    arrayKeysCache.set(schema, arrayKeys);
  }
  const shaped: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query)) {
    if (arrayKeys.has(key)) shaped[key] = Array.isArray(value) ? value : [value];
    else shaped[key] = Array.isArray(value) ? value[value.length - 1] : value;
  }
  return shaped;
}
