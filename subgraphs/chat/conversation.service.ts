import { requireAuth } from '../common/context.js';
import { BadUserInputError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import { actingUser, uuidArg } from './chat.access.js';
import type { CreateConversationInput, CreateMessageInput, TagInput, UpdateConversationInput } from './chat.inputs.js';
import type { ChatLoaders } from './chat.loaders.js';
import { Conversation } from './conversation.entity.js';
import { Message, SENDERS, type Sender } from './message.entity.js';
import { Persona } from './persona.entity.js';
import { ConversationTag, Tag } from './tag.entity.js';

type Ctx = SubgraphContext<ChatLoaders>;

const COLOR = /^#[0-9A-Fa-f]{6}$/;

/** `assistant` is what OpenAI-style clients send; BrainDrive stores it as `llm` (as-built). */
export function toSender(value: string): Sender {
  const s = value === 'assistant' ? 'llm' : value;
  if (!(SENDERS as readonly string[]).includes(s)) throw new BadUserInputError('sender must be user, llm, assistant or system', 'sender');
  return s as Sender;
}

/** Conversations, their messages and tags: each operation acts on the caller's own rows; others' are "not found". */
export class ConversationService {
  constructor(private readonly ctx: Ctx) {}

  async create(input: CreateConversationInput): Promise<Conversation> {
    const userId = actingUser(this.ctx, input.userId);
    const personaId = uuidArg(input.personaId, 'persona_id');
    if (personaId) await this.persona(personaId);
    const conversation = this.ctx.em.create(Conversation, {
      userId,
      title: input.title ?? null,
      pageContext: input.pageContext ?? null,
      pageId: uuidArg(input.pageId, 'page_id'),
      model: input.model ?? null,
      server: input.server ?? null,
      conversationType: input.conversationType ?? 'chat',
      personaId,
    });
    await this.ctx.em.flush();
    return conversation;
  }

  /** The named user's conversations (only the caller may list theirs), most recently active first. */
  async listForUser(userId: string, skip: number, limit: number, personaId?: string | null): Promise<Conversation[]> {
    const owner = actingUser(this.ctx, userId);
    const where: Record<string, unknown> = { userId: owner };
    if (personaId) where.personaId = personaId;
    return this.ctx.em.find(Conversation, where, { orderBy: { updatedAt: 'desc', id: 'desc' }, offset: skip, limit });
  }

  async listByPersona(personaId: string, skip: number, limit: number): Promise<Conversation[]> {
    const persona = await this.persona(personaId);
    return this.listForUser(persona.userId, skip, limit, persona.id);
  }

  async get(id: string): Promise<Conversation> {
    const { userId } = requireAuth(this.ctx);
    const cid = normalizeUuid(id);
    const conversation = cid ? await this.ctx.loaders.conversationById.load(cid) : null;
    if (!conversation || conversation.userId !== userId) throw new NotFoundError('Conversation not found');
    return conversation;
  }

  async update(id: string, input: UpdateConversationInput): Promise<Conversation> {
    const c = await this.get(id);
    if (input.title !== undefined) c.title = input.title;
    if (input.pageContext !== undefined) c.pageContext = input.pageContext;
    if (input.model !== undefined) c.model = input.model;
    if (input.server !== undefined) c.server = input.server;
    if (input.conversationType != null) c.conversationType = input.conversationType;
    c.updatedAt = new Date();
    await this.ctx.em.flush();
    return c;
  }

  async setPersona(id: string, personaId: string | null): Promise<Conversation> {
    const c = await this.get(id);
    const pid = uuidArg(personaId, 'persona_id');
    if (pid) await this.persona(pid);
    c.personaId = pid;
    c.updatedAt = new Date();
    await this.ctx.em.flush();
    return c;
  }

  /** Its messages and tag links go with it (foreign keys cascade). */
  async delete(id: string): Promise<boolean> {
    const c = await this.get(id);
    await this.ctx.em.nativeDelete(Conversation, { id: c.id });
    return true;
  }

  async messages(id: string, skip = 0, limit = 1000): Promise<Message[]> {
    const c = await this.get(id);
    return this.ctx.em.find(Message, { conversationId: c.id }, { orderBy: { createdAt: 'asc', id: 'asc' }, offset: skip, limit });
  }

  async addMessage(id: string, input: CreateMessageInput): Promise<Message> {
    const c = await this.get(id);
    const sender = toSender(input.sender);
    const message = this.ctx.em.create(Message, { conversationId: c.id, sender, message: input.message, messageMetadata: input.messageMetadata ?? null });
    c.updatedAt = new Date();
    await this.ctx.em.flush();
    return message;
  }

  async persona(id: string): Promise<Persona> {
    const { userId } = requireAuth(this.ctx);
    const pid = normalizeUuid(id);
    const p = pid ? await this.ctx.loaders.personaById.load(pid) : null;
    if (!p || p.userId !== userId) throw new NotFoundError('Persona not found');
    return p;
  }

  // Tags

  async tag(id: string): Promise<Tag> {
    const { userId } = requireAuth(this.ctx);
    const tid = normalizeUuid(id);
    const t = tid ? await this.ctx.loaders.tagById.load(tid) : null;
    if (!t || t.userId !== userId) throw new NotFoundError('Tag not found');
    return t;
  }

  async tagsOf(userId: string): Promise<Tag[]> {
    const owner = actingUser(this.ctx, userId);
    return this.ctx.em.find(Tag, { userId: owner }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  async createTag(input: TagInput): Promise<Tag> {
    const userId = actingUser(this.ctx, input.userId);
    const name = input.name?.trim();
    if (!name) throw new BadUserInputError('name is required', 'name');
    const tag = this.ctx.em.create(Tag, { userId, name, color: this.color(input.color) });
    await this.ctx.em.flush();
    return tag;
  }

  async updateTag(id: string, input: TagInput): Promise<Tag> {
    const tag = await this.tag(id);
    if (input.userId != null) actingUser(this.ctx, input.userId);
    if (input.name != null) {
      if (!input.name.trim()) throw new BadUserInputError('name must not be empty', 'name');
      tag.name = input.name.trim();
    }
    if (input.color !== undefined) tag.color = this.color(input.color);
    await this.ctx.em.flush();
    return tag;
  }

  async deleteTag(id: string): Promise<boolean> {
    const tag = await this.tag(id);
    await this.ctx.em.nativeDelete(Tag, { id: tag.id });
    return true;
  }

  async conversationsByTag(id: string): Promise<Conversation[]> {
    const tag = await this.tag(id);
    const links = await this.ctx.em.find(ConversationTag, { tagId: tag.id });
    if (!links.length) return [];
    return this.ctx.em.find(Conversation, { id: { $in: links.map((l) => l.conversationId) }, userId: tag.userId }, { orderBy: { updatedAt: 'desc' } });
  }

  async addTag(conversationId: string, tagId: string): Promise<Conversation> {
    const [c, t] = await Promise.all([this.get(conversationId), this.tag(tagId)]);
    // Tagging twice is harmless: the link is the set membership, not a count.
    await this.ctx.em.getConnection().execute('insert into chat.conversation_tags (conversation_id, tag_id) values (?, ?) on conflict do nothing', [c.id, t.id]);
    return c;
  }

  async removeTag(conversationId: string, tagId: string): Promise<Conversation> {
    const [c, t] = await Promise.all([this.get(conversationId), this.tag(tagId)]);
    await this.ctx.em.nativeDelete(ConversationTag, { conversationId: c.id, tagId: t.id });
    return c;
  }

  async tagsOfConversation(conversationId: string): Promise<Tag[]> {
    const links = await this.ctx.loaders.tagLinksByConversation.load(conversationId);
    const tags = await Promise.all(links.map((l) => this.ctx.loaders.tagById.load(l.tagId)));
    return tags.filter((t): t is Tag => t != null);
  }

  private color(value: string | null | undefined): string | null {
    if (value == null) return null;
    if (!COLOR.test(value)) throw new BadUserInputError('color must match ^#[0-9A-Fa-f]{6}$', 'color');
    return value;
  }
}
