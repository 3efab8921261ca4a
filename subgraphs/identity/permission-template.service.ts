import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { BadUserInputError, ConflictError } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { CreatePermissionTemplateInput } from './identity.inputs.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { MembershipService } from './membership.service.js';
import { PermissionTemplate } from './permission-template.entity.js';

type Ctx = SubgraphContext<IdentityLoaders>;

/** `area:action`, lower case, `*` for every action of an area (`entities:write`, `assets:*`). */
const PERMISSION = /^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*|:\*)?$/;
const MAX_PERMISSIONS = 200;

/** Permission templates: named permission sets per tenant. Members list them; owners and admins create them. */
export class PermissionTemplateService {
  constructor(private readonly ctx: Ctx) {}

  async list(): Promise<PermissionTemplate[]> {
    const { auth } = await new MembershipService(this.ctx).member();
    return this.ctx.em.find(PermissionTemplate, { tenantId: auth.tenantId }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  async create(input: CreatePermissionTemplateInput): Promise<PermissionTemplate> {
    const caller = await new MembershipService(this.ctx).tenantAdmin();
    const name = input.name.trim();
    if (!name || name.length > 200) throw new BadUserInputError('Template name must be 1–200 characters', 'name');
    if (input.description != null && input.description.length > 2000) {
      throw new BadUserInputError('description must be at most 2000 characters', 'description');
    }
    if (input.permissions.length > MAX_PERMISSIONS) {
      throw new BadUserInputError(`A template has at most ${MAX_PERMISSIONS} permissions`, 'permissions');
    }
    const bad = input.permissions.find((p) => !PERMISSION.test(p));
    if (bad !== undefined) {
      throw new BadUserInputError(`Invalid permission "${bad}": use area or area:action in lower case (e.g. entities:write, assets:*)`, 'permissions');
    }
    const template = this.ctx.em.create(PermissionTemplate, {
      tenantId: caller.auth.tenantId,
      name,
      description: input.description ?? null,
      permissions: [...new Set(input.permissions)],
      createdBy: caller.user.id,
    });
    try {
      await this.ctx.em.flush();
    } catch (e) {
      throw e instanceof UniqueConstraintViolationException ? new ConflictError('A permission template with this name already exists') : e;
    }
    return template;
  }
}
