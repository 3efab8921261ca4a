import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { requireAdmin, requireAuth } from '../common/context.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { Page as ListPage } from '../common/paginated.js';
import { offsetPage } from '../common/pagination.js';
import { Component } from './component.entity.js';
import type { ComponentsArgs, CreateComponentInput, UpdateComponentInput } from './component.inputs.js';
import { optionalText, requiredText } from './page-route.js';
import type { PagesContext } from './pages.loaders.js';

const COMPONENT_ID = /^[A-Za-z0-9._:-]{1,100}$/;

const notFound = (componentId: string) => new NotFoundError(`Component with ID ${componentId} not found`);

/**
 * The component catalogue: every signed-in user reads it; only platform administrators write it (BrainDrive's
 * `require_admin`), and system components are never deleted.
 */
export class ComponentService {
  constructor(private readonly ctx: PagesContext) {}

  async list(args: ComponentsArgs): Promise<ListPage<Component>> {
    requireAuth(this.ctx);
    const { offset, limit } = offsetPage(args, 1000, 1000);
    const where: FilterQuery<Component> = {};
    if (args.isSystem != null) where.isSystem = args.isSystem;
    const [items, total] = await this.ctx.em.findAndCount(Component, where, { orderBy: { createdAt: 'asc', id: 'asc' }, offset, limit });
    return { items, total, offset, limit };
  }

  async get(componentId: string): Promise<Component> {
    requireAuth(this.ctx);
    const component = await this.ctx.em.findOne(Component, { componentId });
    if (!component) throw notFound(componentId);
    return component;
  }

  async create(input: CreateComponentInput): Promise<Component> {
    const { userId } = requireAdmin(this.ctx);
    if (input.userId != null && normalizeUuid(input.userId) !== userId) {
      throw new ForbiddenError('Not allowed to create a component for another user');
    }
    if (!COMPONENT_ID.test(input.componentId)) {
      throw new BadUserInputError('component_id must be 1–100 letters, digits or . _ : -', 'component_id');
    }
    const taken = () => new ConflictError(`Component with ID '${input.componentId}' already exists`);
    const fields = {
      componentId: input.componentId,
      name: requiredText(input.name, 'name', 100),
      description: input.description ?? null,
      icon: optionalText(input.icon, 'icon', 100) ?? null,
      isSystem: input.isSystem ?? false,
      userId,
    };
    if (await this.ctx.em.count(Component, { componentId: input.componentId })) throw taken();
    const component = this.ctx.em.create(Component, fields);
    try {
      await this.ctx.em.flush();
    } catch (e) {
      throw e instanceof UniqueConstraintViolationException ? taken() : e;
    }
    return component;
  }

  async update(componentId: string, input: UpdateComponentInput): Promise<Component> {
    requireAdmin(this.ctx);
    const changes: Partial<Component> = {};
    if (input.name != null) changes.name = requiredText(input.name, 'name', 100);
    if (input.description !== undefined) changes.description = input.description;
    if (input.icon !== undefined) changes.icon = optionalText(input.icon, 'icon', 100);
    const component = await this.get(componentId);
    Object.assign(component, changes);
    await this.ctx.em.flush();
    return component;
  }

  async delete(componentId: string): Promise<string> {
    requireAdmin(this.ctx);
    const component = await this.get(componentId);
    if (component.isSystem) throw new BadUserInputError('Cannot delete system components');
    await this.ctx.em.remove(component).flush();
    return component.componentId;
  }
}
