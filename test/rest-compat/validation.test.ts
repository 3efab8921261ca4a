import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findJsonSyntaxError } from '../../rest-compat/json-error.js';
import { boolParam, intParam, listParam, uuidParam, validateRequest } from '../../rest-compat/validation.js';
import { disposers, startTestServer, type TestServer } from './helpers/servers.js';

describe('422 answers in FastAPI (pydantic v2) shape', () => {
  const stack = disposers();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    stack.push(server.close);
  });
  afterAll(() => stack.dispose());

  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(server.url + path, { method: 'POST', headers: { 'content-type': contentType }, body });
  const register = (body: unknown) => post('/api/v1/auth/register', JSON.stringify(body));

  it('should report a missing field with the enclosing object as input', async () => {
    const body = { username: 'ada', password: 'long enough' };
    const res = await register(body);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      detail: [{ type: 'missing', loc: ['body', 'email'], msg: 'Field required', input: body }],
    });
  });

  it('should report a wrong type as string_type', async () => {
    const res = await register({ username: 42, email: 'ada@example.com', password: 'long enough' });
    expect((await res.json()).detail).toEqual([{ type: 'string_type', loc: ['body', 'username'], msg: 'Input should be a valid string', input: 42 }]);
  });

  it('should report a too-short string with its minimum', async () => {
    const res = await register({ username: 'ab', email: 'ada@example.com', password: 'long enough' });
    expect((await res.json()).detail).toEqual([
      { type: 'string_too_short', loc: ['body', 'username'], msg: 'String should have at least 3 characters', input: 'ab', ctx: { min_length: 3 } },
    ]);
  });

  it('should report a bad email as value_error with the reason', async () => {
    const res = await register({ username: 'ada', email: 'not-an-email', password: 'long enough' });
    expect((await res.json()).detail).toEqual([
      {
        type: 'value_error',
        loc: ['body', 'email'],
        msg: 'value is not a valid email address: An email address must have an @-sign.',
        input: 'not-an-email',
        ctx: { reason: 'An email address must have an @-sign.' },
      },
    ]);
  });

  it('should report every failing field at once', async () => {
    const res = await register({ username: 'ab', email: 'x@y', password: 'short' });
    const detail = (await res.json()).detail as { loc: string[] }[];
    expect(detail.map((d) => d.loc.join('.'))).toEqual(['body.username', 'body.email', 'body.password']);
  });

  it('should answer unparseable JSON with json_invalid and the error position', async () => {
    const res = await post('/api/v1/auth/register', '{"username": "ada",, }');
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      detail: [{ type: 'json_invalid', loc: ['body', 19], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting property name enclosed in double quotes' } }],
    });
  });

  it('should answer a body that is not an object with model_attributes_type', async () => {
    const res = await register(['ada']);
    expect((await res.json()).detail).toEqual([
      { type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: ['ada'] },
    ]);
  });

  it('should answer a missing body where one is required with missing at ["body"]', async () => {
    const res = await fetch(server.url + '/api/v1/auth/register', { method: 'POST' });
    expect((await res.json()).detail).toEqual([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  });

  it('should refuse an over-limit page size with less_than_equal', async () => {
    const res = await fetch(server.url + '/api/v1/jobs?page_size=500');
    expect(res.status).toBe(422);
    expect((await res.json()).detail).toEqual([
      { type: 'less_than_equal', loc: ['query', 'page_size'], msg: 'Input should be less than or equal to 100', input: '500', ctx: { le: 100 } },
    ]);
  });

  it('should refuse a non-numeric page with int_parsing and a bad enum with enum', async () => {
    const res = await fetch(server.url + '/api/v1/jobs?page=abc&status=done');
    expect((await res.json()).detail).toEqual([
      { type: 'int_parsing', loc: ['query', 'page'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' },
      { type: 'enum', loc: ['query', 'status'], msg: "Input should be 'pending' or 'running'", input: 'done', ctx: { expected: "'pending' or 'running'" } },
    ]);
  });

  it('should hand the operation parsed query values with defaults applied', async () => {
    expect(await (await fetch(server.url + '/api/v1/jobs?page=2')).json()).toEqual({ page: 2, page_size: 20 });
    expect(await (await fetch(server.url + '/api/v1/plugins/manager?pageSize=100')).json()).toEqual({ page: 1, pageSize: 100 });
    expect(await (await fetch(server.url + '/api/entity/character?limit=200')).json()).toEqual({ offset: 0, limit: 200 });
    expect((await fetch(server.url + '/api/entity/character?limit=201')).status).toBe(422);
  });

  it('should accept a UUID with or without dashes and hand over the dashed lower-case form', async () => {
    for (const id of ['0F8FAD5B-D9CB-469F-A165-70867728950E', '0f8fad5bd9cb469fa16570867728950e']) {
      expect(await (await fetch(`${server.url}/api/v1/pages/${id}`)).json()).toEqual({ page_id: '0f8fad5b-d9cb-469f-a165-70867728950e' });
    }
  });

  it('should refuse a malformed UUID path parameter with uuid_parsing', async () => {
    const res = await fetch(`${server.url}/api/v1/pages/abc`);
    expect(res.status).toBe(422);
    expect((await res.json()).detail).toEqual([
      {
        type: 'uuid_parsing',
        loc: ['path', 'page_id'],
        msg: 'Input should be a valid UUID, invalid length: expected length 32 for simple format, found 3',
        input: 'abc',
        ctx: { error: 'invalid length: expected length 32 for simple format, found 3' },
      },
    ]);
  });

  it('should send no body for a 204 row', async () => {
    const res = await fetch(`${server.url}/api/v1/pages/0f8fad5bd9cb469fa16570867728950e`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('should parse a form-urlencoded body, repeated keys as arrays', async () => {
    const res = await post('/api/v1/forms', 'name=ada&tags=a&tags=b', 'application/x-www-form-urlencoded');
    expect(await res.json()).toEqual({ name: 'ada', tags: ['a', 'b'] });
  });

  it('should pass an empty body to the operation as absent', async () => {
    const res = await fetch(server.url + '/api/v1/anything', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
    expect(await res.json()).toEqual({ body: 'none' });
  });
});

describe('validateRequest and the zod helpers', () => {
  it('should map integer, boolean and list problems as pydantic words them', () => {
    const query = z.object({ n: intParam({ min: 1 }), flag: boolParam(), tags: listParam(z.string().max(2)), score: z.number().int().optional() });
    const result = validateRequest({ query, body: z.object({ score: z.int(), nested: z.object({ a: z.string() }) }) }, {
      params: {},
      query: { n: '1.5', flag: 'maybe', tags: ['ok', 'too long'] },
      body: { score: 1.5, nested: 'x' },
    });
    expect(result.ok).toBe(false);
    const detail = result.ok ? [] : result.detail;
    expect(detail.map((d) => [d.type, d.loc.join('.')])).toEqual([
      ['int_parsing', 'query.n'],
      ['bool_parsing', 'query.flag'],
      ['string_too_long', 'query.tags.1'],
      ['int_from_float', 'body.score'],
      ['dict_type', 'body.nested'],
    ]);
  });

  it('should take the last of repeated scalar query values and all of a list', () => {
    const result = validateRequest({ query: z.object({ q: z.string(), tags: listParam() }) }, { params: {}, query: { q: ['a', 'b'], tags: 'x' }, body: undefined });
    expect(result).toMatchObject({ ok: true, query: { q: 'b', tags: ['x'] } });
  });

  it('should read booleans the way pydantic does', () => {
    const flag = z.object({ f: boolParam(false) });
    const parse = (f?: string) => flag.parse(f === undefined ? {} : { f }).f;
    expect([parse('true'), parse('YES'), parse('1'), parse('off'), parse('n'), parse()]).toEqual([true, true, true, false, false, false]);
  });

  it('should refuse a UUID with a stray character, naming it', () => {
    const result = uuidParam.safeParse('0f8fad5b-d9cb-469f-a165-70867728950z');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(
      'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `z` at 36',
    );
  });

  it('should locate JSON syntax errors as Python does', () => {
    expect(findJsonSyntaxError('{"a": }')).toEqual({ pos: 6, error: 'Expecting value' });
    expect(findJsonSyntaxError('{"a": 1} x')).toEqual({ pos: 9, error: 'Extra data' });
    expect(findJsonSyntaxError('{"a" 1}')).toEqual({ pos: 5, error: "Expecting ':' delimiter" });
    expect(findJsonSyntaxError('["a" "b"]')).toEqual({ pos: 5, error: "Expecting ',' delimiter" });
    expect(findJsonSyntaxError('"abc')).toEqual({ pos: 0, error: 'Unterminated string starting at' });
    expect(findJsonSyntaxError('')).toEqual({ pos: 0, error: 'Expecting value' });
    expect(findJsonSyntaxError('{"a": [1, {"b": null}]}')).toBeUndefined();
  });
});
