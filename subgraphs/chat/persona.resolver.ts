import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { PersonaInput, PersonasArgs } from './chat.inputs.js';
import type { ChatLoaders } from './chat.loaders.js';
import { PersonaList } from './chat.types.js';
import { Persona } from './persona.entity.js';
import { PersonaService } from './persona.service.js';
import { User, userRef } from './user.entity.js';

type Context = SubgraphContext<ChatLoaders>;
const service = (ctx: Context) => new PersonaService(ctx);

@Resolver(() => Persona)
export class PersonaResolver {
  @Query(() => PersonaList, { description: "The caller's personas, newest first." })
  personas(@Args(() => PersonasArgs) args: PersonasArgs, @Ctx() ctx: Context): Promise<PersonaList> {
    return service(ctx).list(args);
  }

  @Query(() => Persona)
  persona(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Persona> {
    return service(ctx).get(id);
  }

  @Query(() => [String], { description: "Every tag used on the caller's personas." })
  personaTags(@Ctx() ctx: Context): Promise<string[]> {
    return service(ctx).tags();
  }

  @Mutation(() => Persona)
  createPersona(@Arg('input', () => PersonaInput) input: PersonaInput, @Ctx() ctx: Context): Promise<Persona> {
    return service(ctx).create(input);
  }

  @Mutation(() => Persona)
  updatePersona(@Arg('id', () => ID) id: string, @Arg('input', () => PersonaInput) input: PersonaInput, @Ctx() ctx: Context): Promise<Persona> {
    return service(ctx).update(id, input);
  }

  @Mutation(() => Boolean)
  deletePersona(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return service(ctx).delete(id);
  }

  @FieldResolver(() => User)
  user(@Root() p: Persona): User {
    return userRef(p.userId);
  }
}
