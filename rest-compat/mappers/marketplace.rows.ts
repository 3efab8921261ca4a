import { z } from 'zod';
import {
  InstallPluginDocument,
  MarketplaceListingDocument,
  MarketplaceListingsDocument,
  PluginsDocument,
  RegisterMarketplaceListingDocument,
  SetPluginEnabledDocument,
  UninstallPluginDocument,
  type MarketplaceListingFieldsFragment,
} from '../../schema/generated/operations.js';
import { offsetParams } from '../validation.js';
import { built } from './built.js';
import { studioPluginBody } from './plugins.studiobrain.rows.js';

/** StudioBrain's marketplace entry. */
export const listingBody = (l: MarketplaceListingFieldsFragment) => ({
  id: l.id,
  slug: l.slug,
  name: l.name,
  version: l.version,
  description: l.description,
  category: l.category,
  tags: l.tags,
  author: l.author,
  package_url: l.packageUrl,
  created_at: l.createdAt,
  updated_at: l.updatedAt,
});

const idParams = z.object({ id: z.string().min(1).max(100) });

export const marketplaceRows = {
  browse: built({
    operation: MarketplaceListingsDocument,
    query: offsetParams(100).extend({ search: z.string().optional(), category: z.string().optional() }),
    variables: ({ query: q }) => ({ search: q.search, category: q.category, offset: q.offset, limit: q.limit }),
    response: ({ marketplaceListings: p }) => ({ plugins: p.items.map(listingBody), total: p.total, offset: p.offset, limit: p.limit }),
  }),
  /** What the catalogue holds: its size and categories. */
  info: built({
    operation: MarketplaceListingsDocument,
    variables: () => ({ limit: 100 }),
    response: ({ marketplaceListings: p }) => ({
      name: 'braingraph plugin marketplace',
      total_plugins: p.total,
      categories: [...new Set(p.items.map((l) => l.category).filter((c): c is string => !!c))].sort(),
    }),
  }),
  get: built({ operation: MarketplaceListingDocument, params: idParams, variables: (r) => ({ id: r.params.id }), response: (d) => listingBody(d.marketplaceListing) }),
  register: built({
    operation: RegisterMarketplaceListingDocument,
    body: z.object({
      slug: z.string(),
      name: z.string(),
      version: z.string(),
      package_url: z.string(),
      description: z.string().optional(),
      category: z.string().optional(),
      tags: z.array(z.string()).optional(),
      author: z.string().optional(),
    }),
    variables: ({ body: b }) => ({ input: { slug: b.slug, name: b.name, version: b.version, packageUrl: b.package_url, description: b.description, category: b.category, tags: b.tags, author: b.author } }),
    response: (d) => listingBody(d.registerMarketplaceListing),
    status: 201,
  }),
  installed: built({
    operation: PluginsDocument,
    variables: () => ({ limit: 100 }),
    response: ({ plugins: p }) => ({ plugins: p.items.map(studioPluginBody), total: p.total }),
  }),
  install: built({
    operation: InstallPluginDocument,
    body: z.object({ plugin_id: z.string().optional(), slug: z.string().optional(), version: z.string().optional() }).refine((b) => b.plugin_id || b.slug, { message: 'plugin_id or slug is required' }),
    variables: ({ body: b }) => ({ input: { method: 'marketplace', slug: b.plugin_id ?? b.slug, version: b.version } }),
    response: (d) => ({ message: `Plugin ${d.installPlugin.plugin.slug} installed`, plugin: studioPluginBody(d.installPlugin.plugin), modules_created: d.installPlugin.modulesCreated }),
    status: 201,
  }),
  enable: built({ operation: SetPluginEnabledDocument, params: idParams, variables: (r) => ({ id: r.params.id, enabled: true }), response: (d) => studioPluginBody(d.setPluginEnabled) }),
  disable: built({ operation: SetPluginEnabledDocument, params: idParams, variables: (r) => ({ id: r.params.id, enabled: false }), response: (d) => studioPluginBody(d.setPluginEnabled) }),
  uninstall: built({
    operation: UninstallPluginDocument,
    params: idParams,
    variables: (r) => ({ id: r.params.id }),
    response: (d) => ({ message: `Plugin ${d.uninstallPlugin.slug} uninstalled`, id: d.uninstallPlugin.id }),
  }),
};
