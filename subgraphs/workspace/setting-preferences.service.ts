import { requireAuth } from '../common/context.js';
import { BadUserInputError } from '../common/errors.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { SettingDefinition } from './setting-definition.entity.js';
import { SettingInstance } from './setting-instance.entity.js';
import { SettingInstanceService } from './setting-instance.service.js';
import type { SettingsLoaders } from './settings.loaders.js';

type Ctx = SubgraphContext<SettingsLoaders>;
type Obj = Record<string, unknown>;

/** StudioBrain's user settings object is the caller's user instance of this definition (seeded by 0001-settings). */
export const PREFERENCES_DEFINITION = 'studiobrain_user_settings';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** StudioBrain `/api/settings`: one JSON object per user, the definition's default under the user's own values. */
export class SettingPreferencesService {
  constructor(private readonly ctx: Ctx) {}

  async get(): Promise<Obj> {
    const auth = requireAuth(this.ctx);
    const [definition, instance] = await Promise.all([
      this.ctx.em.findOne(SettingDefinition, { id: PREFERENCES_DEFINITION }),
      this.ctx.em.findOne(SettingInstance, { definitionId: PREFERENCES_DEFINITION, scope: 'user', userId: auth.userId }),
    ]);
    return { ...asObj(definition?.defaultValue), ...asObj(instance?.value) };
  }

  /** Merges the given keys into the user's settings (a key set to null is removed) and answers the result. */
  async update(settings: unknown): Promise<Obj> {
    const auth = requireAuth(this.ctx);
    if (!isObj(settings)) throw new BadUserInputError('settings must be a JSON object', 'settings');
    const current = await this.ctx.em.findOne(SettingInstance, { definitionId: PREFERENCES_DEFINITION, scope: 'user', userId: auth.userId });
    const merged: Obj = { ...asObj(current?.value) };
    for (const [key, value] of Object.entries(settings)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    await new SettingInstanceService(this.ctx).upsert({
      definitionId: PREFERENCES_DEFINITION,
      name: 'StudioBrain User Settings',
      value: merged,
      scope: 'user',
    });
    return this.get();
  }
}

const asObj = (v: unknown): Obj => (isObj(v) ? v : {});
