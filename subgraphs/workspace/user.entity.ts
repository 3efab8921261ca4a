import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Identity's User, as this subgraph sees it: only its key. Workspace adds `pages`, `navigationRoutes` and
 * `settings` to it; everything else about a user comes from identity.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class User {
  @Field(() => ID)
  id: string;
}

/** A reference to a user by id, for fields like `Page.creator`; the gateway fills in the rest from identity. */
export const userRef = (id: string): User => Object.assign(new User(), { id });
