import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { requireAdmin, requireAuth } from '../common/context.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors.js';
import type { Page } from '../common/paginated.js';
import { offsetPage } from '../common/pagination.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { SettingDefinition } from './setting-definition.entity.js';
import { SettingInstance } from './setting-instance.entity.js';
import type { SettingDefinitionInput, SettingDefinitionPatch, SettingDefinitionsArgs } from './settings.inputs.js';
import type { SettingsLoaders } from './settings.loaders.js';
import { checkScope, SETTINGS_MAX_LIMIT } from './settings.rules.js';
import { openSecrets, sealSecrets } from './settings.secrets.js';

type Ctx = SubgraphContext<SettingsLoaders>;

const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Setting definitions: anyone signed in reads them, platform admins write them (as BrainDrive does). */
export class SettingDefinitionService {
  constructor(private readonly ctx: Ctx) {}

  async list(args: SettingDefinitionsArgs): Promise<Page<SettingDefinition>> {
    requireAuth(this.ctx);
    const { offset, limit } = offsetPage(args, 100, SETTINGS_MAX_LIMIT);
    const qb = this.ctx.em.createQueryBuilder(SettingDefinition, 'd');
    if (args.category != null) qb.andWhere({ category: args.category });
    if (args.scope != null) qb.andWhere('d.allowed_scopes @> ?::jsonb', [JSON.stringify([checkScope(args.scope)])]);
    const [items, total] = await qb.orderBy({ id: 'asc' }).offset(offset).limit(limit).getResultAndCount();
    return { items, total, offset, limit };
  }

  async get(id: string): Promise<SettingDefinition> {
    requireAuth(this.ctx);
    return this.existing(id);
  }

  async create(input: SettingDefinitionInput): Promise<SettingDefinition> {
    requireAdmin(this.ctx);
    if (input.id == null) throw new BadUserInputError('id is required', 'id');
    const id = checkId(input.id);
    const fields = checkFields(input);
    if (await this.ctx.em.findOne(SettingDefinition, { id })) throw new ConflictError(`Setting definition ${id} already exists`);
    const definition = this.ctx.em.create(SettingDefinition, { id, ...fields, isSecret: input.isSecret ?? isKeyDefinitionId(id) });
    try {
      await this.ctx.em.flush();
    } catch (e) {
      throw e instanceof UniqueConstraintViolationException ? new ConflictError(`Setting definition ${id} already exists`) : e;
    }
    return definition;
  }

  /** PUT: every field from the input; those it leaves out return to their defaults. */
  async replace(id: string, input: SettingDefinitionInput): Promise<SettingDefinition> {
    requireAdmin(this.ctx);
    await this.existing(id);
    if (input.id != null && input.id !== id) {
      throw new BadUserInputError('Definition ID in path does not match ID in request body', 'id');
    }
    const fields = checkFields(input);
    return this.change(id, fields, input.isSecret);
  }

  /** PATCH: only the fields given. */
  async update(id: string, patch: SettingDefinitionPatch): Promise<SettingDefinition> {
    requireAdmin(this.ctx);
    await this.existing(id);
    const changes: Partial<SettingDefinition> = {};
    if (patch.name != null) changes.name = checkText(patch.name, 'name', 200);
    if (patch.description !== undefined) changes.description = patch.description == null ? null : checkText(patch.description, 'description', 10_000, 0);
    if (patch.category != null) changes.category = checkText(patch.category, 'category', 100);
    if (patch.type != null) changes.type = checkText(patch.type, 'type', 50);
    if (patch.defaultValue !== undefined) changes.defaultValue = patch.defaultValue;
    if (patch.allowedScopes != null) changes.allowedScopes = checkScopes(patch.allowedScopes);
    if (patch.isMultiple != null) changes.isMultiple = patch.isMultiple;
    if (patch.validation !== undefined) changes.validation = checkValidation(patch.validation);
    if (patch.tags !== undefined) changes.tags = checkTags(patch.tags);
    return this.change(id, changes, patch.isSecret);
  }

  /** Refused while instances use it, as in BrainDrive (their values would lose their schema). */
  async delete(id: string): Promise<string> {
    requireAdmin(this.ctx);
    const definition = await this.existing(id);
    const used = await this.ctx.em.count(SettingInstance, { definitionId: id });
    if (used > 0) {
      throw new BadUserInputError(`Cannot delete definition ${id} because it has ${used} instances. Delete the instances first.`);
    }
    await this.ctx.em.remove(definition).flush();
    return id;
  }

  private async existing(id: string): Promise<SettingDefinition> {
    const definition = await this.ctx.em.findOne(SettingDefinition, { id });
    if (!definition) throw new NotFoundError(`Setting definition ${id} not found`);
    return definition;
  }

  /**
   * Applies checked changes in one transaction. Turning a definition secret seals the keys its instances already
   * hold; turning it off opens them.
   */
  private change(id: string, changes: Partial<SettingDefinition>, secret: boolean | null | undefined): Promise<SettingDefinition> {
    return this.ctx.em.transactional(async (em) => {
      const definition = await em.findOneOrFail(SettingDefinition, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      Object.assign(definition, changes);
      if (secret != null && definition.isSecret !== secret) {
        const { secretBox } = this.ctx.deps;
        for (const instance of await em.find(SettingInstance, { definitionId: id })) {
          instance.value = secret ? sealSecrets(secretBox, instance.value) : openSecrets(secretBox, instance.value);
        }
        definition.isSecret = secret;
      }
      return definition;
    });
  }
}

/** Definitions of provider keys are secret unless their creator says otherwise. */
export const isKeyDefinitionId = (id: string) => id.endsWith('_api_keys_settings');

export function checkId(id: string): string {
  if (!ID_PATTERN.test(id)) throw new BadUserInputError('id must be 1–200 characters: letters, digits, _ . : -', 'id');
  return id;
}

function checkText(value: string, field: string, max: number, min = 1): string {
  if (value.length < min || value.length > max) throw new BadUserInputError(`${field} must be ${min}–${max} characters`, field);
  return value;
}

function checkScopes(scopes: string[]): string[] {
  if (scopes.length === 0) throw new BadUserInputError('allowed_scopes must name at least one scope', 'allowed_scopes');
  return [...new Set(scopes.map(checkScope))];
}

function checkValidation(validation: unknown): Record<string, unknown> | null {
  if (validation == null) return null;
  if (!isObject(validation)) throw new BadUserInputError('validation must be a JSON object', 'validation');
  return validation as Record<string, unknown>;
}

function checkTags(tags: string[] | null | undefined): string[] {
  if (tags == null) return [];
  if (tags.length > 50 || tags.some((t) => t.length < 1 || t.length > 100)) {
    throw new BadUserInputError('tags: at most 50, each 1–100 characters', 'tags');
  }
  return tags;
}

/** The fields every create and replace sets; what the input leaves out takes its default. */
function checkFields(input: SettingDefinitionInput) {
  return {
    name: checkText(input.name, 'name', 200),
    description: input.description == null ? null : checkText(input.description, 'description', 10_000, 0),
    category: checkText(input.category, 'category', 100),
    type: checkText(input.type, 'type', 50),
    defaultValue: input.defaultValue ?? null,
    allowedScopes: checkScopes(input.allowedScopes),
    isMultiple: input.isMultiple ?? false,
    validation: checkValidation(input.validation),
    tags: checkTags(input.tags),
  };
}
