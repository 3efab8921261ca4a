import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { CreateTeamInput } from './identity.inputs.js';
import { Team } from './team.entity.js';
import { TeamService } from './team.service.js';
import { User } from './user.entity.js';

type Context = SubgraphContext<IdentityLoaders>;

@Resolver(() => Team)
export class TeamResolver {
  @Query(() => [Team], { description: "The active tenant's teams." })
  teams(@Ctx() ctx: Context): Promise<Team[]> {
    return new TeamService(ctx).list();
  }

  @Query(() => Team)
  team(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Team> {
    return new TeamService(ctx).get(id);
  }

  @Mutation(() => Team)
  createTeam(@Arg('input', () => CreateTeamInput) input: CreateTeamInput, @Ctx() ctx: Context): Promise<Team> {
    return new TeamService(ctx).create(input);
  }

  @FieldResolver(() => [User])
  async members(@Root() team: Team, @Ctx() ctx: Context): Promise<User[]> {
    const rows = await ctx.loaders.membersByTeamId.load(team.id);
    const users = await ctx.loaders.userById.loadMany(rows.map((r) => r.userId));
    return users.filter((u): u is User => u instanceof User);
  }
}
