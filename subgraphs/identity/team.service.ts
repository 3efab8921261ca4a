import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { normalizeUuid } from '../common/ids.js';
import type { SubgraphContext } from '../common/subgraph.types.js';
import type { CreateTeamInput } from './identity.inputs.js';
import type { IdentityLoaders } from './identity.loaders.js';
import { MembershipService } from './membership.service.js';
import { Role } from './role.entity.js';
import { TeamMember } from './team-member.entity.js';
import { Team } from './team.entity.js';

type Ctx = SubgraphContext<IdentityLoaders>;

const TEAM_TAKEN = 'A team with this name already exists';

/** Teams: named groups of one tenant's members. Members read them; members and above create them (not viewers). */
export class TeamService {
  constructor(private readonly ctx: Ctx) {}

  async list(): Promise<Team[]> {
    const { auth } = await new MembershipService(this.ctx).member();
    return this.ctx.em.find(Team, { tenantId: auth.tenantId }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  /** A team of the caller's active tenant; another tenant's is "not found". */
  async get(id: string): Promise<Team> {
    const { auth } = await new MembershipService(this.ctx).member();
    const teamId = normalizeUuid(id);
    const team = teamId ? await this.ctx.em.findOne(Team, { id: teamId, tenantId: auth.tenantId }) : null;
    if (!team) throw new NotFoundError('Team not found');
    return team;
  }

  async create(input: CreateTeamInput): Promise<Team> {
    const caller = await new MembershipService(this.ctx).member();
    if (caller.role === 'viewer' && !caller.isAdmin) throw new ForbiddenError('Viewers cannot create teams');
    const tenantId = caller.auth.tenantId;
    const name = input.name.trim();
    if (!name || name.length > 200) throw new BadUserInputError('Team name must be 1–200 characters', 'name');
    if (input.description != null && input.description.length > 2000) {
      throw new BadUserInputError('description must be at most 2000 characters', 'description');
    }
    const ids = (input.memberIds ?? []).map((id) => ({ id, uuid: normalizeUuid(id) }));
    const malformed = ids.find((i) => !i.uuid);
    if (malformed) throw new BadUserInputError(`User ${malformed.id} is not a member of this tenant`, 'member_ids');
    const memberIds = [...new Set(ids.map((i) => i.uuid!))];
    if (memberIds.length > 500) throw new BadUserInputError('A team has at most 500 members', 'member_ids');
    const members = memberIds.length ? await this.ctx.em.find(Role, { tenantId, userId: { $in: memberIds } }) : [];
    const outsider = memberIds.find((id) => !members.some((m) => m.userId === id));
    if (outsider) throw new BadUserInputError(`User ${outsider} is not a member of this tenant`, 'member_ids');
    try {
      return await this.ctx.em.transactional(async (em) => {
        const team = em.create(Team, { tenantId, name, description: input.description ?? null, createdBy: caller.user.id });
        await em.flush();
        for (const userId of memberIds) em.create(TeamMember, { teamId: team.id, userId });
        await em.flush();
        return team;
      });
    } catch (e) {
      throw e instanceof UniqueConstraintViolationException ? new ConflictError(TEAM_TAKEN) : e;
    }
  }
}
