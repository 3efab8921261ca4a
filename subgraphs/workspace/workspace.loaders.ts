import type { EntityManager } from '@mikro-orm/postgresql';
import { pagesArea } from './pages.area.js';
import { settingsArea } from './settings.area.js';

/** Every area's loaders, built per request. */
export function createWorkspaceLoaders(em: EntityManager) {
  return { ...settingsArea.createLoaders(em), ...pagesArea.createLoaders(em) };
}

export type WorkspaceLoaders = ReturnType<typeof createWorkspaceLoaders>;
