import { BigIntType, Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';

/**
 * One issued refresh token (its JWT's `jti`). Tokens of one login form a family: each use rotates to a successor;
 * a replayed used token outside the grace window revokes the whole family. The JWT itself is never stored.
 */
@Entity({ tableName: 'refresh_tokens' })
export class RefreshToken {
  [OptionalProps]?: 'usedAt' | 'successorId' | 'revokedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid', index: true })
  familyId: string;

  @Property({ type: 'uuid', index: true })
  userId: string;

  @Property({ type: 'uuid' })
  tenantId: string;

  /** JWT `iat`/`exp` in seconds, kept so the same token can be re-issued to a concurrent refresh. */
  @Property({ type: new BigIntType('number') })
  issuedAt: number;

  @Property({ type: new BigIntType('number') })
  expiresAt: number;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  successorId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
