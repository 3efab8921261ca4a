import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { ensureDatabase } from '../../subgraphs/common/database.js';
import { newUser, rest } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// A fresh install needs an empty database of its own: the run's shared one already has users.
let app: TestApp;
let adminUrl: string;
let name: string;

beforeAll(async () => {
  const url = new URL(inject('databaseUrl'));
  name = `${url.pathname.slice(1)}_fresh`;
  adminUrl = new URL('/postgres', url).toString();
  await ensureDatabase(adminUrl, name);
  app = await startTestApp({ DATABASE_URL: new URL(`/${name}`, url).toString() }, { bootstrapUser: false });
});
afterAll(async () => {
  await app.close();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
});

it('should make exactly one of the first users admin, even when they register at once', async () => {
  const users = Array.from({ length: 5 }, () => newUser('first'));
  const answers = await Promise.all(users.map((u) => rest(app.restUrl, 'POST', '/api/v1/auth/register', { body: u })));
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
  expect(answers.filter((a) => a.body.is_admin)).toHaveLength(1);
  const later = await rest(app.restUrl, 'POST', '/api/v1/auth/register', { body: newUser('later') });
  expect(later.body.is_admin).toBe(false);
  const admin = users[answers.findIndex((a) => a.body.is_admin)];
  const login = await rest(app.restUrl, 'POST', '/api/auth/login', { body: { email: admin.email, password: admin.password } });
  expect(login.body.role).toBe('admin');
});
