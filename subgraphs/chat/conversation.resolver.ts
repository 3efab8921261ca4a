import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { CreateConversationInput, CreateMessageInput, UpdateConversationInput } from './chat.inputs.js';
import type { ChatLoaders } from './chat.loaders.js';
import { Conversation } from './conversation.entity.js';
import { ConversationService } from './conversation.service.js';
import { Message } from './message.entity.js';
import { Persona } from './persona.entity.js';
import { Tag } from './tag.entity.js';
import { Page, pageRef, User, userRef } from './user.entity.js';

type Context = SubgraphContext<ChatLoaders>;
const service = (ctx: Context) => new ConversationService(ctx);

@Resolver(() => Conversation)
export class ConversationResolver {
  @Query(() => [Conversation], { description: "A user's conversations (the caller's only), most recently active first." })
  userConversations(
    @Arg('userId', () => ID) userId: string,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip: number,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<Conversation[]> {
    return service(ctx).listForUser(userId, skip, limit);
  }

  @Query(() => [Conversation])
  conversationsByPersona(
    @Arg('personaId', () => ID) personaId: string,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip: number,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<Conversation[]> {
    return service(ctx).listByPersona(personaId, skip, limit);
  }

  @Query(() => Conversation)
  conversation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Conversation> {
    return service(ctx).get(id);
  }

  @Query(() => [Message], { description: 'Oldest first.' })
  conversationMessages(
    @Arg('conversationId', () => ID) conversationId: string,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip: number,
    @Arg('limit', () => Int, { defaultValue: 1000 }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<Message[]> {
    return service(ctx).messages(conversationId, skip, limit);
  }

  @Mutation(() => Conversation)
  createConversation(@Arg('input', () => CreateConversationInput) input: CreateConversationInput, @Ctx() ctx: Context): Promise<Conversation> {
    return service(ctx).create(input);
  }

  @Mutation(() => Conversation)
  updateConversation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateConversationInput) input: UpdateConversationInput,
    @Ctx() ctx: Context,
  ): Promise<Conversation> {
    return service(ctx).update(id, input);
  }

  @Mutation(() => Conversation, { description: 'Sets (or, with null, clears) the persona of a conversation.' })
  setConversationPersona(
    @Arg('id', () => ID) id: string,
    @Arg('personaId', () => ID, { nullable: true }) personaId: string | null,
    @Ctx() ctx: Context,
  ): Promise<Conversation> {
    return service(ctx).setPersona(id, personaId);
  }

  @Mutation(() => Boolean, { description: 'Deletes a conversation with its messages.' })
  deleteConversation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return service(ctx).delete(id);
  }

  @Mutation(() => Message)
  createMessage(
    @Arg('conversationId', () => ID) conversationId: string,
    @Arg('input', () => CreateMessageInput) input: CreateMessageInput,
    @Ctx() ctx: Context,
  ): Promise<Message> {
    return service(ctx).addMessage(conversationId, input);
  }

  @Mutation(() => Conversation)
  addConversationTag(@Arg('conversationId', () => ID) conversationId: string, @Arg('tagId', () => ID) tagId: string, @Ctx() ctx: Context): Promise<Conversation> {
    return service(ctx).addTag(conversationId, tagId);
  }

  @Mutation(() => Conversation)
  removeConversationTag(@Arg('conversationId', () => ID) conversationId: string, @Arg('tagId', () => ID) tagId: string, @Ctx() ctx: Context): Promise<Conversation> {
    return service(ctx).removeTag(conversationId, tagId);
  }

  @FieldResolver(() => User)
  user(@Root() c: Conversation): User {
    return userRef(c.userId);
  }

  @FieldResolver(() => Page, { nullable: true, description: 'The page the conversation was started on (from workspace).' })
  page(@Root() c: Conversation): Page | null {
    return c.pageId ? pageRef(c.pageId) : null;
  }

  @FieldResolver(() => [Message], { description: 'Oldest first.' })
  messages(@Root() c: Conversation, @Ctx() ctx: Context): Promise<Message[]> {
    return service(ctx).messages(c.id);
  }

  @FieldResolver(() => Persona, { nullable: true })
  async persona(@Root() c: Conversation, @Ctx() ctx: Context): Promise<Persona | null> {
    return c.personaId ? ctx.loaders.personaById.load(c.personaId) : null;
  }

  @FieldResolver(() => [Tag])
  tags(@Root() c: Conversation, @Ctx() ctx: Context): Promise<Tag[]> {
    return service(ctx).tagsOfConversation(c.id);
  }
}
