import type { SubgraphContext } from '../common/subgraph.types.js';
import type { Page } from './page.entity.js';
import type { WorkspaceLoaders } from './workspace.loaders.js';

/** Other subgraphs refer to pages by id (`Conversation.page`); only the page's creator sees it. */
export async function resolvePageReference(ref: Pick<Page, 'id'>, ctx: SubgraphContext<WorkspaceLoaders>) {
  const page = await ctx.loaders.pageById.load(ref.id);
  return page && page.creatorId === ctx.identity.auth?.userId ? page : null;
}
