import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { ChatLoaders } from './chat.loaders.js';
import { GardenGenerateInput, GardenGeneration, GardenKey, GardenModel, GardenUsage } from './garden.types.js';
import { GardenService } from './garden.service.js';

type Context = SubgraphContext<ChatLoaders>;
const service = (ctx: Context) => new GardenService(ctx);

@Resolver()
export class GardenResolver {
  @Mutation(() => GardenGeneration, { description: 'Brain Garden generation: sliders, BYOK, optional second pass.' })
  gardenGenerate(@Arg('input', () => GardenGenerateInput) input: GardenGenerateInput, @Ctx() ctx: Context): Promise<GardenGeneration> {
    return service(ctx).generate(input);
  }

  @Query(() => [GardenModel])
  gardenModels(@Arg('byok', () => Boolean, { defaultValue: false }) byok: boolean, @Ctx() ctx: Context): Promise<GardenModel[]> {
    return service(ctx).models(byok);
  }

  @Query(() => GardenKey, { description: "Reveals one of the caller's stored provider keys." })
  gardenRevealKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<GardenKey> {
    return service(ctx).revealKey(id);
  }

  @Query(() => GardenUsage)
  gardenUsage(@Ctx() ctx: Context): Promise<GardenUsage> {
    return service(ctx).usage();
  }
}
