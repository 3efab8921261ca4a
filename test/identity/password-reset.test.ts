import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gql, rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createLogger } from '../../subgraphs/common/logger.js';
import { SmtpMailer } from '../../subgraphs/common/mail/mailer.js';

/** A mail as the SMTP server received it. */
interface Captured {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free loopback port that keeps what it receives; `refuse` makes it reject recipients. */
async function smtpSink() {
  const messages: Captured[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no self-signed STARTTLS for the client to distrust.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!state.refuse) return callback();
      const err = Object.assign(new Error(`No such user: ${address.address}`), { responseCode: 550 });
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, messages, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The text/plain part of a message, decoded (the mailer sends it base64, so links are never wrapped). */
function textOf(raw: string): string {
  const part = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)(?:\r?\n--|$)/i.exec(raw);
  if (!part) throw new Error(`no text part in:\n${raw}`);
  const header = raw.slice(0, part.index + part[0].length - part[1].length);
  const body = part[1].trim();
  return /Content-Transfer-Encoding: base64/i.test(header.slice(header.lastIndexOf('Content-Type: text/plain')))
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body;
}

function linkOf(m: Captured): URL {
  const found = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(textOf(m.raw));
  if (!found) throw new Error(`no reset link in:\n${textOf(m.raw)}`);
  return new URL(found[0]);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

let smtp: Awaited<ReturnType<typeof smtpSink>>;
let app: TestApp;
let url: string;
let db: pg.Client;

/** Asks for a reset of `email` and answers the token of the one mail it sent. */
async function requestToken(email: string, headers: Record<string, string> = {}): Promise<string> {
  const before = smtp.messages.length;
  const res = await rest(url, 'POST', '/api/auth/forgot-password', { body: { email }, headers });
  expect(res.status).toBe(200);
  expect(smtp.messages.length).toBe(before + 1);
  return linkOf(smtp.messages.at(-1)!).searchParams.get('token')!;
}

const login = (email: string, password: string) => rest(url, 'POST', '/api/auth/login', { body: { email, password } });

beforeAll(async () => {
  smtp = await smtpSink();
  app = await startTestApp({
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MAIL_FROM: 'Braingraph Test <noreply@braingraph.test>',
    PUBLIC_WEB_URL: 'https://app.example',
    CORS_ORIGINS: 'http://studio.example',
  });
  url = app.restUrl;
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await app?.close();
  await smtp?.close();
});

describe('StudioBrain POST /api/auth/forgot-password', () => {
  it('should mail exactly one working reset link to an existing address', async () => {
    const u = await signUp(url, 'pwr');
    const before = smtp.messages.length;
    const res = await rest(url, 'POST', '/api/auth/forgot-password', {
      body: { email: u.email.toUpperCase() },
      headers: { origin: 'http://studio.example' },
    });
    expect(res.status).toBe(200);
    expect(typeof res.body.message).toBe('string');
    expect(smtp.messages.length).toBe(before + 1);
    const mail = smtp.messages.at(-1)!;
    expect(mail.to).toEqual([u.email]);
    expect(mail.from).toBe('noreply@braingraph.test');
    expect(mail.raw).toMatch(/^Subject: Reset your password/m);
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    const link = linkOf(mail);
    expect(link.origin).toBe('http://studio.example');
    expect(link.pathname).toBe('/reset-password');
    const token = link.searchParams.get('token')!;
    expect(token).toMatch(/^pwr_[A-Za-z0-9_-]{40,}$/);
    // Only the hash is stored, and it expires within the hour.
    const { rows } = await db.query('select token_hash, expires_at from identity.password_resets where user_id = $1', [u.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(sha256(token));
    const ttl = new Date(rows[0].expires_at).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(59 * 60_000);
    expect(ttl).toBeLessThanOrEqual(60 * 60_000);
  });

  it('should never point the mailed link at a site the deployment does not name', async () => {
    const u = await signUp(url, 'pwr');
    // Password-reset poisoning: a forged Origin (or Host) must not carry the token to the attacker's site.
    await requestToken(u.email, { origin: 'https://evil.example' });
    expect(linkOf(smtp.messages.at(-1)!).origin).toBe('https://app.example');
    const viaGraphql = await gql(app.graphqlUrl, `mutation { requestPasswordReset(email: "${u.email}", origin: "https://evil.example") }`);
    expect(viaGraphql.errors).toBeUndefined();
    expect(linkOf(smtp.messages.at(-1)!).origin).toBe('https://app.example');
  });

  it('should answer an unknown address the same way and send nothing', async () => {
    const u = await signUp(url, 'pwr');
    const known = await rest(url, 'POST', '/api/auth/forgot-password', { body: { email: u.email } });
    const before = smtp.messages.length;
    const unknown = await rest(url, 'POST', '/api/auth/forgot-password', { body: { email: 'nobody-here@example.com' } });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual(known.body);
    expect(smtp.messages.length).toBe(before);
  });

  it('should answer 422 for a body without a valid email', async () => {
    expect((await rest(url, 'POST', '/api/auth/forgot-password', { body: {} })).status).toBe(422);
    expect((await rest(url, 'POST', '/api/auth/forgot-password', { body: { email: 'not-an-email' } })).status).toBe(422);
  });

  it('should answer 502 when the mail server refuses the message', async () => {
    const u = await signUp(url, 'pwr');
    smtp.state.refuse = true;
    try {
      const res = await rest(url, 'POST', '/api/auth/forgot-password', { body: { email: u.email } });
      expect(res.status).toBe(502);
      expect(res.body.detail).toMatch(/mail server .* refused/);
    } finally {
      smtp.state.refuse = false;
    }
  });

  it('should be a public GraphQL mutation that answers true for any address', async () => {
    const res = await gql(app.graphqlUrl, 'mutation { requestPasswordReset(email: "ghost@example.com", origin: "http://x.example") }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ requestPasswordReset: true });
  });
});

describe('StudioBrain POST /api/auth/reset-password', () => {
  it('should set the new password once and end every session', async () => {
    const u = await signUp(url, 'pwr');
    const token = await requestToken(u.email);
    const res = await rest(url, 'POST', '/api/auth/reset-password', { body: { token, new_password: 'brand-new-password' } });
    expect(res.status).toBe(200);
    expect(typeof res.body.message).toBe('string');
    expect((await login(u.email, 'brand-new-password')).status).toBe(200);
    expect((await login(u.email, u.password)).status).toBe(401);
    const refresh = await rest(url, 'POST', '/api/auth/refresh', { body: { refresh_token: u.refreshToken } });
    expect(refresh.status).toBe(401);
    const again = await rest(url, 'POST', '/api/auth/reset-password', { body: { token, new_password: 'another-password' } });
    expect(again).toMatchObject({ status: 400, body: { detail: 'Invalid or expired reset token' } });
    expect((await login(u.email, 'brand-new-password')).status).toBe(200);
  });

  it('should accept `password` for `new_password`', async () => {
    const u = await signUp(url, 'pwr');
    const token = await requestToken(u.email);
    expect((await rest(url, 'POST', '/api/auth/reset-password', { body: { token, password: 'via-password-field' } })).status).toBe(200);
    expect((await login(u.email, 'via-password-field')).status).toBe(200);
  });

  it('should let only one of two concurrent uses of a token win', async () => {
    const u = await signUp(url, 'pwr');
    const token = await requestToken(u.email);
    const answers = await Promise.all(
      ['concurrent-one-pw', 'concurrent-two-pw'].map((p) => rest(url, 'POST', '/api/auth/reset-password', { body: { token, new_password: p } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
  });

  it('should refuse unknown, expired and superseded tokens alike', async () => {
    const u = await signUp(url, 'pwr');
    const refuse = async (token: string) => {
      const res = await rest(url, 'POST', '/api/auth/reset-password', { body: { token, new_password: 'never-applied-pw' } });
      expect(res).toMatchObject({ status: 400, body: { detail: 'Invalid or expired reset token' } });
    };
    await refuse('pwr_unknown-token');
    await refuse('not-even-a-reset-token');

    const expired = await requestToken(u.email);
    await db.query(`update identity.password_resets set expires_at = now() - interval '1 minute' where token_hash = $1`, [sha256(expired)]);
    await refuse(expired);

    const older = await requestToken(u.email);
    const newer = await requestToken(u.email);
    await refuse(older);
    expect((await login(u.email, u.password)).status).toBe(200);
    expect((await rest(url, 'POST', '/api/auth/reset-password', { body: { token: newer, new_password: 'newest-password' } })).status).toBe(200);
  });

  it('should check the new password like registration, without spending the token', async () => {
    const u = await signUp(url, 'pwr');
    const token = await requestToken(u.email);
    const weak = await rest(url, 'POST', '/api/auth/reset-password', { body: { token, new_password: 'short' } });
    expect(weak.status).toBe(422);
    expect(weak.body.detail[0]).toMatchObject({ loc: ['body', 'new_password'] });
    const missing = await rest(url, 'POST', '/api/auth/reset-password', { body: { token } });
    expect(missing.status).toBe(422);
    const gqlWeak = await gql(app.graphqlUrl, 'mutation($t: String!) { resetPassword(token: $t, newPassword: "short") }', { t: token });
    expect(gqlWeak.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await rest(url, 'POST', '/api/auth/reset-password', { body: { token, new_password: 'long-enough-now' } })).status).toBe(200);
  });
});

describe('password reset without mail', () => {
  let bare: TestApp;
  beforeAll(async () => {
    bare = await startTestApp({}, { bootstrapUser: false });
  });
  afterAll(async () => {
    await bare?.close();
  });

  it('should answer 503 for every address when SMTP_URL is unset', async () => {
    const u = await signUp(url, 'pwr');
    for (const email of [u.email, 'nobody-at-all@example.com']) {
      const res = await rest(bare.restUrl, 'POST', '/api/auth/forgot-password', { body: { email } });
      expect(res.status).toBe(503);
      expect(res.body.detail).toMatch(/SMTP_URL/);
    }
    const { rows } = await db.query('select count(*)::int as n from identity.password_resets where user_id = $1', [u.id]);
    expect(rows[0].n).toBe(0);
  });
});

describe('SmtpMailer', () => {
  it('should fail as unreachable (502) when nothing listens at SMTP_URL', async () => {
    const gone = await smtpSink();
    await gone.close();
    const mailer = new SmtpMailer({ smtpUrl: `smtp://127.0.0.1:${gone.port}`, from: 'a@b.test', logger: createLogger('silent') });
    const err = await mailer.send({ to: 'x@example.com', subject: 's', text: 't', html: '<p>t</p>' }).catch((e: unknown) => e);
    mailer.close();
    expect(err).toMatchObject({ message: expect.stringMatching(/unreachable/), extensions: { code: 'UPSTREAM_UNAVAILABLE', reason: 'unreachable' } });
  });
});
