import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
let db: pg.Client;
let user: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  app = await startTestApp();
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  user = await signUp(app.restUrl, 'input');
});
afterAll(async () => {
  await db.end();
  await app.close();
});

const snapshot = async () =>
  (await db.query(
    `select u.username, u.password_hash, u.version, (select count(*) from identity.api_keys k where k.user_id = u.id) as keys
       from identity.users u where u.id = $1`,
    [user.id],
  )).rows[0];

// Every identity row that takes input, with input that must be refused before anything runs.
const cases: [string, string, string, unknown, (string | number)[], string][] = [
  ['POST', '/api/v1/auth/login', 'missing password', { email: 'a@b.co' }, ['body', 'password'], 'missing'],
  ['POST', '/api/v1/auth/login', 'a number as email', { email: 5, password: 'x' }, ['body', 'email'], 'string_type'],
  ['POST', '/api/v1/auth/refresh', 'a number as refresh token', { refresh_token: 5 }, ['body', 'refresh_token'], 'string_type'],
  ['PUT', '/api/v1/auth/profile/username', 'no username', {}, ['body', 'username'], 'missing'],
  ['PUT', '/api/v1/auth/profile/username', 'a 51-character username', { username: 'x'.repeat(51) }, ['body', 'username'], 'string_too_long'],
  ['PUT', '/api/v1/auth/profile/password', 'no current password', { new_password: 'long-enough-1' }, ['body', 'current_password'], 'missing'],
  ['PUT', '/api/v1/auth/profile/password', 'a short new password', { current_password: 'x', new_password: 'short' }, ['body', 'new_password'], 'string_too_short'],
  ['POST', '/api/auth/register', 'no email', { password: 'long-enough-1' }, ['body', 'email'], 'missing'],
  ['POST', '/api/auth/login', 'a list as body', [1, 2], ['body'], 'model_attributes_type'],
  ['POST', '/api/api-keys', 'a bad expiry', { name: 'k', expires_at: 'tomorrow' }, ['body', 'expires_at'], 'datetime_from_date_parsing'],
  ['POST', '/v1/auth/issue-key', 'a 201-character label', { label: 'x'.repeat(201) }, ['body', 'label'], 'string_too_long'],
];

describe('bad input on identity REST rows', () => {
  it.each(cases)('%s %s with %s → 422 in FastAPI shape, nothing written', async (method, path, _label, body, loc, type) => {
    const before = await snapshot();
    const res = await rest(app.restUrl, method, path, { body, headers: user.bearer });
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc, msg: expect.any(String) });
    expect(res.body.detail[0].type).toBe(type);
    expect(await snapshot()).toEqual(before);
  });

  it('should answer 422 for a PATCH expiry that is not a date, leaving the key as it was', async () => {
    const issued = await rest(app.restUrl, 'POST', '/v1/auth/issue-key', { headers: user.bearer, body: { label: 'keep' } });
    const res = await rest(app.restUrl, 'PATCH', `/v1/auth/keys/${issued.body.id}?label=changed&expires_at=never`, { headers: user.bearer });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(['query', 'expires_at']);
    const row = await db.query('select label from identity.api_keys where id = $1', [issued.body.id]);
    expect(row.rows[0].label).toBe('keep');
  });
});
