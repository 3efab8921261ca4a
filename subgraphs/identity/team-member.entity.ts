import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';

/** A user's place in a team; the user is always a member of the team's tenant. */
@Entity({ tableName: 'team_members' })
@Unique({ properties: ['teamId', 'userId'] })
export class TeamMember {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  teamId: string;

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
