import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { CreatePermissionTemplateInput } from './identity.inputs.js';
import { PermissionTemplate } from './permission-template.entity.js';
import { PermissionTemplateService } from './permission-template.service.js';

type Context = SubgraphContext<IdentityLoaders>;

@Resolver(() => PermissionTemplate)
export class PermissionTemplateResolver {
  @Query(() => [PermissionTemplate], { description: "The active tenant's permission templates." })
  permissionTemplates(@Ctx() ctx: Context): Promise<PermissionTemplate[]> {
    return new PermissionTemplateService(ctx).list();
  }

  @Mutation(() => PermissionTemplate)
  createPermissionTemplate(
    @Arg('input', () => CreatePermissionTemplateInput) input: CreatePermissionTemplateInput,
    @Ctx() ctx: Context,
  ): Promise<PermissionTemplate> {
    return new PermissionTemplateService(ctx).create(input);
  }
}
