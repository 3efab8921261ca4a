import type { SubgraphContext } from '../common/subgraph.types.js';
import type { ChatLoaders } from './chat.loaders.js';
import type { Conversation } from './conversation.entity.js';
import type { Persona } from './persona.entity.js';

/** Other subgraphs may refer to a conversation; only its owner sees it. */
export async function resolveConversationReference(ref: Pick<Conversation, 'id'>, ctx: SubgraphContext<ChatLoaders>) {
  const c = await ctx.loaders.conversationById.load(ref.id);
  return c && c.userId === ctx.identity.auth?.userId ? c : null;
}

export async function resolvePersonaReference(ref: Pick<Persona, 'id'>, ctx: SubgraphContext<ChatLoaders>) {
  const p = await ctx.loaders.personaById.load(ref.id);
  return p && p.userId === ctx.identity.auth?.userId ? p : null;
}
