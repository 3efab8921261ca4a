import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById, loaderGroupedBy } from '../common/loaders.js';
import { Conversation } from './conversation.entity.js';
import { Persona } from './persona.entity.js';
import { ConversationTag, Tag } from './tag.entity.js';

export function createChatLoaders(em: EntityManager) {
  return {
    conversationById: loaderById(em, Conversation),
    personaById: loaderById(em, Persona),
    tagById: loaderById(em, Tag),
    tagLinksByConversation: loaderGroupedBy(em, ConversationTag, 'conversationId'),
  };
}

export type ChatLoaders = ReturnType<typeof createChatLoaders>;
