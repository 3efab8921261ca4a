import { requireAuth } from '../common/context.js';
import { BadUserInputError } from '../common/errors.js';
import { pageToOffset } from '../common/pagination.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { PersonaInput, PersonasArgs } from './chat.inputs.js';
import type { ChatLoaders } from './chat.loaders.js';
import type { PersonaList } from './chat.types.js';
import { ConversationService } from './conversation.service.js';
import { Persona } from './persona.entity.js';

type Ctx = SubgraphContext<ChatLoaders>;

/** The caller's personas; someone else's is "Persona not found". */
export class PersonaService {
  constructor(private readonly ctx: Ctx) {}

  get(id: string): Promise<Persona> {
    return new ConversationService(this.ctx).persona(id);
  }

  async list(args: PersonasArgs): Promise<PersonaList> {
    const { userId } = requireAuth(this.ctx);
    const { offset, limit } = pageToOffset(args.page, args.pageSize);
    const qb = this.ctx.em.createQueryBuilder(Persona, 'p').where({ userId });
    if (args.isActive != null) qb.andWhere({ isActive: args.isActive });
    if (args.search) qb.andWhere({ $or: [{ name: { $ilike: `%${args.search}%` } }, { description: { $ilike: `%${args.search}%` } }] });
    if (args.tag) qb.andWhere('p.tags @> ?::jsonb', [JSON.stringify([args.tag])]);
    qb.orderBy({ createdAt: 'desc', id: 'desc' }).offset(offset).limit(limit);
    const [personas, total] = await qb.getResultAndCount();
    return { personas, totalItems: total, page: args.page, pageSize: args.pageSize, totalPages: Math.ceil(total / args.pageSize) };
  }

  async create(input: PersonaInput): Promise<Persona> {
    const { userId } = requireAuth(this.ctx);
    const name = input.name?.trim();
    if (!name) throw new BadUserInputError('name is required', 'name');
    if (!input.systemPrompt?.trim()) throw new BadUserInputError('system_prompt is required', 'system_prompt');
    const persona = this.ctx.em.create(Persona, { userId, name, systemPrompt: input.systemPrompt });
    this.apply(persona, input);
    await this.ctx.em.flush();
    return persona;
  }

  async update(id: string, input: PersonaInput): Promise<Persona> {
    const persona = await this.get(id);
    if (input.name != null && !input.name.trim()) throw new BadUserInputError('name must not be empty', 'name');
    if (input.name != null) persona.name = input.name.trim();
    if (input.systemPrompt != null) persona.systemPrompt = input.systemPrompt;
    this.apply(persona, input);
    persona.updatedAt = new Date();
    await this.ctx.em.flush();
    return persona;
  }

  async delete(id: string): Promise<boolean> {
    const persona = await this.get(id);
    await this.ctx.em.nativeDelete(Persona, { id: persona.id });
    return true;
  }

  /** Every tag used on the caller's personas, sorted. */
  async tags(): Promise<string[]> {
    const { userId } = requireAuth(this.ctx);
    const rows = await this.ctx.em.getConnection().execute<{ tag: string }[]>(
      'select distinct jsonb_array_elements_text(tags) as tag from chat.personas where user_id = ? order by tag',
      [userId],
    );
    return rows.map((r) => r.tag);
  }

  private apply(p: Persona, input: PersonaInput): void {
    if (input.description !== undefined) p.description = input.description;
    if (input.modelSettings != null) p.modelSettings = input.modelSettings;
    if (input.avatar !== undefined) p.avatar = input.avatar;
    if (input.tags != null) p.tags = input.tags;
    if (input.sampleGreeting !== undefined) p.sampleGreeting = input.sampleGreeting;
    if (input.isActive != null) p.isActive = input.isActive;
  }
}
