import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { requireAuth } from '../common/context.js';
import { ProviderCatalogService } from './provider-catalog.service.js';
import { PROVIDER_CATALOGUE } from './providers/provider-resolver.js';
import { JSONResolver } from 'graphql-scalars';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { ChatInput } from './chat.inputs.js';
import type { ChatLoaders } from './chat.loaders.js';
import { AiProviderInfo, ChatChunk, ChatCompletion, ModelInfo, ProviderServerInfo, ProviderValidation, ChatReply, ChatStarted, GeneratedText } from './chat.types.js';
import { GenerationService } from './generation.service.js';

type Context = SubgraphContext<ChatLoaders>;
const service = (ctx: Context) => new GenerationService(ctx);

@Resolver()
export class GenerationResolver {
  @Query(() => [AiProviderInfo], { description: 'The providers chat can talk to.' })
  aiProviders(@Ctx() ctx: Context): AiProviderInfo[] {
    requireAuth(ctx);
    return PROVIDER_CATALOGUE.map((p) => ({ ...p, aliases: [...p.aliases] }));
  }

  @Query(() => [ModelInfo], { description: "A provider's models, asked of the caller's server or the platform's." })
  async providerModels(
    @Arg('provider', () => String) provider: string,
    @Arg('settingsId', () => String, { nullable: true }) settingsId: string | null,
    @Arg('serverId', () => String, { nullable: true }) serverId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ModelInfo[]> {
    return new ProviderCatalogService(ctx).models({ provider, settingsId, serverId });
  }

  @Query(() => [ModelInfo], { description: 'The models of every provider the caller has configured; unreachable ones are left out.' })
  allModels(@Ctx() ctx: Context): Promise<ModelInfo[]> {
    return new ProviderCatalogService(ctx).allModels();
  }

  @Query(() => [ProviderServerInfo], { description: 'The servers of a settings definition or instance (e.g. ollama_servers_settings), keys hidden.' })
  providerServers(@Arg('settingsId', () => String) settingsId: string, @Ctx() ctx: Context): Promise<ProviderServerInfo[]> {
    return new ProviderCatalogService(ctx).servers(settingsId);
  }

  @Query(() => ProviderValidation, { description: 'Tries a provider configuration by listing its models.' })
  validateProvider(
    @Arg('provider', () => String) provider: string,
    @Arg('serverUrl', () => String, { nullable: true }) serverUrl: string | null,
    @Arg('apiKey', () => String, { nullable: true }) apiKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProviderValidation> {
    return new ProviderCatalogService(ctx).validate(provider, serverUrl, apiKey);
  }

  @Mutation(() => ChatReply, { description: 'A chat turn, answered whole: the user and model messages are saved.' })
  sendMessage(@Arg('input', () => ChatInput) input: ChatInput, @Ctx() ctx: Context): Promise<ChatReply> {
    return service(ctx).send(input);
  }

  @Mutation(() => ChatStarted, {
    description: 'Opens a streamed turn: finds or creates the conversation and checks the provider; `chatStream` with its id then streams.',
  })
  async startChat(@Arg('input', () => ChatInput) input: ChatInput, @Ctx() ctx: Context): Promise<ChatStarted> {
    return { conversationId: (await service(ctx).start(input)).id };
  }

  @Mutation(() => ChatCompletion, {
    description: 'One call for both of BrainDrive\'s chat modes: with `stream` it opens the turn (as `startChat`), without it answers whole (as `sendMessage`).',
  })
  async chatCompletion(@Arg('input', () => ChatInput) input: ChatInput, @Arg('stream', () => Boolean) stream: boolean, @Ctx() ctx: Context): Promise<ChatCompletion> {
    if (stream) return { conversationId: (await service(ctx).start(input)).id, reply: null };
    const reply = await service(ctx).send(input);
    return { conversationId: reply.conversationId, reply };
  }

  @Mutation(() => Boolean, { description: "Stops the conversation's running generation, wherever it runs." })
  cancelGeneration(@Arg('conversationId', () => ID) conversationId: string, @Ctx() ctx: Context): Promise<boolean> {
    return service(ctx).cancel(conversationId);
  }

  @Mutation(() => GeneratedText, { description: 'One prompt, one answer, nothing saved.' })
  generateText(
    @Arg('prompt', () => String) prompt: string,
    @Arg('provider', () => String, { nullable: true }) provider: string | null,
    @Arg('model', () => String, { nullable: true }) model: string | null,
    @Arg('settingsId', () => String, { nullable: true }) settingsId: string | null,
    @Arg('serverId', () => String, { nullable: true }) serverId: string | null,
    @Arg('params', () => JSONResolver, { nullable: true }) params: Record<string, unknown> | null,
    @Ctx() ctx: Context,
  ): Promise<GeneratedText> {
    return service(ctx).generate(provider, model, prompt, { settingsId, serverId, params });
  }

  @Subscription(() => ChatChunk, {
    description: 'A chat turn streamed token by token; the last chunk has `done` and the saved model message.',
    subscribe: ({ args, context }) => service(context as Context).subscribe((args as { input: ChatInput }).input),
  })
  chatStream(@Arg('input', () => ChatInput) _input: ChatInput, @Root() chunk: ChatChunk): ChatChunk {
    return chunk;
  }
}
