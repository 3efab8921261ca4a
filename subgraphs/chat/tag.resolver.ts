import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { TagInput } from './chat.inputs.js';
import type { ChatLoaders } from './chat.loaders.js';
import { Conversation } from './conversation.entity.js';
import { ConversationService } from './conversation.service.js';
import { Tag } from './tag.entity.js';

type Context = SubgraphContext<ChatLoaders>;
const service = (ctx: Context) => new ConversationService(ctx);

@Resolver(() => Tag)
export class TagResolver {
  @Query(() => [Tag], { description: "A user's tags (the caller's only), by name." })
  userTags(@Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<Tag[]> {
    return service(ctx).tagsOf(userId);
  }

  @Query(() => [Conversation])
  tagConversations(@Arg('tagId', () => ID) tagId: string, @Ctx() ctx: Context): Promise<Conversation[]> {
    return service(ctx).conversationsByTag(tagId);
  }

  @Mutation(() => Tag)
  createTag(@Arg('input', () => TagInput) input: TagInput, @Ctx() ctx: Context): Promise<Tag> {
    return service(ctx).createTag(input);
  }

  @Mutation(() => Tag)
  updateTag(@Arg('id', () => ID) id: string, @Arg('input', () => TagInput) input: TagInput, @Ctx() ctx: Context): Promise<Tag> {
    return service(ctx).updateTag(id, input);
  }

  @Mutation(() => Boolean)
  deleteTag(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return service(ctx).deleteTag(id);
  }
}
