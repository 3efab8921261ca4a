import type { SubgraphDefinition } from '../common/subgraph.types.js';
import { createChatLoaders, type ChatLoaders } from './chat.loaders.js';
import { Conversation } from './conversation.entity.js';
import { resolveConversationReference, resolvePersonaReference } from './conversation.reference.js';
import { ConversationResolver } from './conversation.resolver.js';
import { GenerationResolver } from './generation.resolver.js';
import { GardenResolver } from './garden.resolver.js';
import { GenerationUsage } from './generation-usage.entity.js';
import { Message } from './message.entity.js';
import { m0002GenerationUsage } from './migrations/0002-generation-usage.js';
import { OllamaResolver } from './ollama.resolver.js';
import { OllamaService } from './ollama.service.js';
import { m0001Chat } from './migrations/0001-chat.js';
import { Persona } from './persona.entity.js';
import { PersonaResolver } from './persona.resolver.js';
import { ConversationTag, Tag } from './tag.entity.js';
import { TagResolver } from './tag.resolver.js';
import { UpstreamHealthResolver } from './upstream-health.resolver.js';

export const chat: SubgraphDefinition<ChatLoaders> = {
  name: 'chat',
  port: 4004,
  resolvers: [ConversationResolver, PersonaResolver, TagResolver, GenerationResolver, OllamaResolver, GardenResolver, UpstreamHealthResolver],
  references: { Conversation: resolveConversationReference, Persona: resolvePersonaReference },
  entities: [Conversation, Message, Persona, Tag, ConversationTag, GenerationUsage],
  migrations: [m0001Chat, m0002GenerationUsage],
  createLoaders: createChatLoaders,
  // Chat owns the Ollama install job type; it works it as the job's owner, with that user's servers and keys.
  async start({ deps, createContext }) {
    await deps.jobs.runner.register<{ model: string }>('ollama.install', (run) =>
      new OllamaService(
        createContext({ auth: { userId: run.userId, tenantId: run.tenantId, role: 'owner', isAdmin: false, scopes: [], via: 'jwt' } }),
      ).runInstall(run),
    );
    return async () => {};
  },
};
