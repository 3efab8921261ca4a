import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { ModelInfo, OllamaInstall, OllamaStatus } from './chat.types.js';
import { OllamaService } from './ollama.service.js';

const service = (ctx: SubgraphContext) => new OllamaService(ctx);

@Resolver()
export class OllamaResolver {
  @Query(() => OllamaStatus, { description: 'Reaches an Ollama server: a typed-in URL, or one of the caller’s servers.' })
  ollamaTest(
    @Arg('serverUrl', () => String, { nullable: true }) serverUrl: string | null,
    @Arg('settingsId', () => String, { nullable: true }) settingsId: string | null,
    @Arg('serverId', () => String, { nullable: true }) serverId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OllamaStatus> {
    return service(ctx).test({ serverUrl, settingsId, serverId });
  }

  @Query(() => [ModelInfo])
  ollamaModels(
    @Arg('serverUrl', () => String, { nullable: true }) serverUrl: string | null,
    @Arg('settingsId', () => String, { nullable: true }) settingsId: string | null,
    @Arg('serverId', () => String, { nullable: true }) serverId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ModelInfo[]> {
    return service(ctx).models({ serverUrl, settingsId, serverId });
  }

  @Mutation(() => OllamaInstall, { description: 'Pulls a model as a job; an identical install already running is returned.' })
  ollamaInstall(
    @Arg('name', () => String) name: string,
    @Arg('serverUrl', () => String, { nullable: true }) serverUrl: string | null,
    @Arg('settingsId', () => String, { nullable: true }) settingsId: string | null,
    @Arg('serverId', () => String, { nullable: true }) serverId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OllamaInstall> {
    return service(ctx).install(name, { serverUrl, settingsId, serverId });
  }

  @Mutation(() => Boolean, { description: 'Deletes a model from an Ollama server.' })
  ollamaDeleteModel(
    @Arg('name', () => String) name: string,
    @Arg('serverUrl', () => String, { nullable: true }) serverUrl: string | null,
    @Arg('settingsId', () => String, { nullable: true }) settingsId: string | null,
    @Arg('serverId', () => String, { nullable: true }) serverId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    return service(ctx).deleteModel(name, { serverUrl, settingsId, serverId });
  }
}
