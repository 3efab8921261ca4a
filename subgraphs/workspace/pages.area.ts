import { Component } from './component.entity.js';
import { ComponentResolver } from './component.resolver.js';
import { m0002Pages } from './migrations/0002-pages.js';
import { NavigationRoute } from './navigation-route.entity.js';
import { NavigationRouteResolver } from './navigation-route.resolver.js';
import { Page } from './page.entity.js';
import { PageResolver } from './page.resolver.js';
import { PageUserFieldsResolver } from './page-user.resolver.js';
import { createPagesLoaders, type PagesLoaders } from './pages.loaders.js';
import { PluginState } from './plugin-state.entity.js';
import { PluginStateResolver } from './plugin-state.resolver.js';
import type { WorkspaceArea } from './workspace.parts.js';

/** Pages, navigation routes, components and plugin state. */
export const pagesArea: WorkspaceArea<PagesLoaders> = {
  resolvers: [PageResolver, NavigationRouteResolver, ComponentResolver, PluginStateResolver, PageUserFieldsResolver],
  entities: [Page, NavigationRoute, Component, PluginState],
  migrations: [m0002Pages],
  createLoaders: createPagesLoaders,
};
