import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById, loaderGroupedBy } from '../common/loaders.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { NavigationRoute } from './navigation-route.entity.js';
import { Page } from './page.entity.js';

/** Loaders of the pages area (pages, navigation routes, components, plugin state), built per request. */
export function createPagesLoaders(em: EntityManager) {
  return {
    pageById: loaderById(em, Page),
    pagesByNavigationRouteId: loaderGroupedBy(em, Page, 'navigationRouteId'),
    navigationRouteById: loaderById(em, NavigationRoute),
    navigationRoutesByParentId: loaderGroupedBy(em, NavigationRoute, 'parentId'),
  };
}

export type PagesLoaders = ReturnType<typeof createPagesLoaders>;

/** What the pages area's resolvers and services receive. */
export type PagesContext = SubgraphContext<PagesLoaders>;
