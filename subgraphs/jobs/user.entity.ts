import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Identity's User as jobs sees it: a key, so `Job.user` resolves through the gateway. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class User {
  @Field(() => ID)
  id: string;
}

export const userRef = (id: string): User => Object.assign(new User(), { id });
