import type { EntityManager } from '@mikro-orm/postgresql';
// Imported rather than read from disk, so a build (tsc) carries it into dist/ with the code.
import seed from './marketplace.seed.json' with { type: 'json' };
import { requireAdmin } from '../common/context.js';
import { BadUserInputError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { MarketplaceListing } from './marketplace-listing.entity.js';
import type { MarketplaceListingInput } from './plugins.inputs.js';
import type { MarketplaceListingPage } from './plugins.types.js';

const SLUG = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The platform-wide catalogue: browsing is public; adding to it is for platform administrators. */
export class MarketplaceService {
  constructor(private readonly ctx: SubgraphContext) {}

  async list(search?: string | null, category?: string | null, offset = 0, limit = 50): Promise<MarketplaceListingPage> {
    const where: Record<string, unknown> = {};
    if (category) where.category = category;
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [{ name: { $ilike: like } }, { slug: { $ilike: like } }, { description: { $ilike: like } }];
    }
    const lim = Math.min(Math.max(limit, 1), 100);
    const off = Math.max(offset, 0);
    const [items, total] = await this.ctx.em.findAndCount(MarketplaceListing, where, { orderBy: { name: 'asc' }, limit: lim, offset: off });
    return { items, total, offset: off, limit: lim };
  }

  async get(idOrSlug: string): Promise<MarketplaceListing> {
    const id = normalizeUuid(idOrSlug);
    const row = await this.ctx.em.findOne(MarketplaceListing, id ? { id } : { slug: idOrSlug });
    if (!row) throw new NotFoundError('Plugin not found in the marketplace');
    return row;
  }

  /** Adds a listing, or replaces the one with the same slug (a new version published). */
  async register(input: MarketplaceListingInput): Promise<MarketplaceListing> {
    requireAdmin(this.ctx);
    if (!SLUG.test(input.slug)) throw new BadUserInputError('slug: lower-case letters, digits, - and _', 'slug');
    if (!/^https?:\/\//i.test(input.packageUrl)) throw new BadUserInputError('package_url must be an http(s) URL', 'package_url');
    const row = (await this.ctx.em.findOne(MarketplaceListing, { slug: input.slug })) ?? this.ctx.em.create(MarketplaceListing, { slug: input.slug, name: input.name, version: input.version, packageUrl: input.packageUrl });
    Object.assign(row, { name: input.name, version: input.version, packageUrl: input.packageUrl, description: input.description ?? null, category: input.category ?? null, tags: input.tags ?? [], author: input.author ?? null });
    await this.ctx.em.flush();
    return row;
  }

  async stats(): Promise<{ totalPlugins: number; categories: string[] }> {
    const rows = await this.ctx.em.find(MarketplaceListing, {});
    return { totalPlugins: rows.length, categories: [...new Set(rows.map((r) => r.category).filter((c): c is string => !!c))].sort() };
  }
}

/** Loads the shipped catalogue (marketplace.seed.json); entries already present are left as they are. */
export async function seedMarketplace(em: EntityManager): Promise<void> {
  for (const l of seed.listings as MarketplaceListingInput[]) {
    await em.getConnection().execute(
      `insert into plugins.marketplace_listings (id, slug, name, version, description, category, tags, author, package_url)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (slug) do nothing`,
      [l.slug, l.name, l.version, l.description ?? null, l.category ?? null, JSON.stringify(l.tags ?? []), l.author ?? null, l.packageUrl],
    );
  }
}
