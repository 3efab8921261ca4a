import pg from 'pg';
import { inject } from 'vitest';
import { rest, signUp } from './clients.js';

/**
 * A new user made platform admin the way an operator would: the row flagged in the database, then a fresh sign-in
 * so the token carries it. Each suite makes its own, so none depends on who registered first.
 */
export async function signUpAdmin(restUrl: string, prefix = 'admin') {
  const user = await signUp(restUrl, prefix);
  const db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  try {
    await db.query('update identity.users set is_admin = true where id = $1', [user.id]);
  } finally {
    await db.end();
  }
  const login = await rest(restUrl, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    ...user,
    accessToken: login.body.access_token as string,
    refreshToken: login.body.refresh_token as string,
    bearer: { authorization: `Bearer ${login.body.access_token}` },
  };
}
