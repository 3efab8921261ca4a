import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Identity's User as chat sees it: a key, so `Conversation.user` and `Persona.user` resolve through the gateway. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class User {
  @Field(() => ID)
  id: string;
}

export const userRef = (id: string): User => Object.assign(new User(), { id });

/** Workspace's Page as chat sees it: a key, so `Conversation.page` resolves through the gateway. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Page {
  @Field(() => ID)
  id: string;
}

export const pageRef = (id: string): Page => Object.assign(new Page(), { id });
