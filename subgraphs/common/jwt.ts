import { SignJWT, jwtVerify, errors } from 'jose';

/** The one algorithm we sign and accept; anything else (incl. `none`) is refused. */
const ALG = 'HS256';
const ISSUER = 'braingraph';
const AUDIENCE = 'braingraph';

export type TokenType = 'access' | 'refresh';

export interface AccessClaims {
  sub: string;
  tid: string;
  role: string;
  adm: boolean;
  /** The refresh-token family (session) this access token belongs to, so logout can end it. */
  sid?: string;
}

export interface RefreshClaims {
  sub: string;
  tid: string;
  jti: string;
  fam: string;
}

export class TokenError extends Error {
  constructor(message: 'Invalid token' | 'Token has expired' | 'Not a refresh token' | 'Not an access token') {
    super(message);
  }
}

/** Signs and verifies braingraph's JWTs (DESIGN §5): pinned algorithm, `typ` claim, `iss`/`aud` checked. */
export class JwtService {
  private readonly key: Uint8Array;

  constructor(secret: string, readonly accessTtl: number, readonly refreshTtl: number) {
    this.key = new TextEncoder().encode(secret);
  }

  signAccess(claims: AccessClaims, iat = nowSeconds()): Promise<string> {
    return this.sign({ tid: claims.tid, role: claims.role, adm: claims.adm, sid: claims.sid }, claims.sub, 'access', iat, this.accessTtl);
  }

  /** Deterministic for the same claims and `iat`, so a rotated token can be re-issued within the grace window. */
  signRefresh(claims: RefreshClaims, iat: number, exp: number): Promise<string> {
    return this.sign({ tid: claims.tid, fam: claims.fam }, claims.sub, 'refresh', iat, exp - iat, claims.jti);
  }

  async verifyAccess(token: string): Promise<AccessClaims> {
    const p = await this.verify(token, 'access');
    if (typeof p.tid !== 'string' || typeof p.role !== 'string') throw new TokenError('Invalid token');
    return { sub: p.sub!, tid: p.tid, role: p.role, adm: p.adm === true, sid: typeof p.sid === 'string' ? p.sid : undefined };
  }

  async verifyRefresh(token: string): Promise<RefreshClaims & { iat: number; exp: number }> {
    const p = await this.verify(token, 'refresh');
    if (typeof p.jti !== 'string' || typeof p.fam !== 'string' || typeof p.tid !== 'string') {
      throw new TokenError('Invalid token');
    }
    return { sub: p.sub!, tid: p.tid, jti: p.jti, fam: p.fam, iat: p.iat!, exp: p.exp! };
  }

  private sign(payload: Record<string, unknown>, sub: string, typ: TokenType, iat: number, ttl: number, jti?: string) {
    const jwt = new SignJWT({ ...payload, typ })
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl);
    if (jti) jwt.setJti(jti);
    return jwt.sign(this.key);
  }

  private async verify(token: string, typ: TokenType) {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: [ALG], issuer: ISSUER, audience: AUDIENCE }));
    } catch (e) {
      throw new TokenError(e instanceof errors.JWTExpired ? 'Token has expired' : 'Invalid token');
    }
    if (payload.typ !== typ || typeof payload.sub !== 'string') {
      throw new TokenError(typ === 'refresh' ? 'Not a refresh token' : 'Not an access token');
    }
    return payload;
  }
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
