import { hash, verify, Algorithm } from '@node-rs/argon2';
import { BadUserInputError } from '../common/errors.js';

/** argon2id with OWASP's minimum (19 MiB, 2 passes): strong, and a login stays well under 100 ms. */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, ARGON2);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal which emails are registered. */
export const DUMMY_HASH = await hashPassword('braingraph-timing-equaliser');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USERNAME = /^[A-Za-z0-9_.-]{3,50}$/;

/** Emails are stored lower-cased: one address, one account, and an indexable equality lookup. */
export function checkEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (e.length > 320 || !EMAIL.test(e)) throw new BadUserInputError('value is not a valid email address', 'email');
  return e;
}

export function checkUsername(username: string): string {
  if (!USERNAME.test(username)) {
    throw new BadUserInputError('Username must be 3–50 characters: letters, digits, _ . -', 'username');
  }
  return username;
}

export function checkPassword(password: string, field = 'password'): string {
  if (password.length < 8) throw new BadUserInputError('Password must be at least 8 characters', field);
  if (password.length > 1024) throw new BadUserInputError('Password must be at most 1024 characters', field);
  return password;
}
