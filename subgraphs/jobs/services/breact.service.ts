import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { BadUserInputError, DomainError, ErrorCode, NotFoundError } from '../../common/errors.js';
import { requireAuth } from '../../common/context.js';
import { normalizeUuid } from '../../common/ids.js';
import type { SubgraphContext } from '../../common/subgraph.types.js';
import { Job } from '../job.entity.js';
import type { JobsLoaders } from '../jobs.loaders.js';
import { JobsService } from '../jobs.service.js';
import type { ServiceExecution, ServiceResult } from './breact.types.js';
import type { ParameterSpec } from './service-definition.js';
import { serviceRegistry } from './service-registry.js';
import { ServiceProcess } from './service-process.entity.js';
import { UsageEvent } from './usage-event.entity.js';

type Ctx = SubgraphContext<JobsLoaders>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const TYPE_CHECKS: Record<ParameterSpec['type'], (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: (v) => Array.isArray(v),
};

/** BReact OS's service API over the job engine: list, execute (a job + a process record), read the result. */
export class BreactService {
  constructor(private readonly ctx: Ctx) {}

  list(): Record<string, unknown> {
    requireAuth(this.ctx);
    return Object.fromEntries(
      [...serviceRegistry.values()].map((s) => [
        s.id,
        {
          id: s.id,
          name: s.name,
          description: s.description,
          version: s.version,
          status: 'active',
          config: s.config,
          endpoints: Object.fromEntries(
            Object.entries(s.endpoints).map(([name, e]) => [
              name,
              { name, description: e.description, method: e.method, parameters: e.parameters, returns: e.returns, is_async: e.isAsync },
            ]),
          ),
        },
      ]),
    );
  }

  async execute(serviceId: string, endpointName: string, params: Record<string, unknown> | null | undefined): Promise<ServiceExecution> {
    const auth = requireAuth(this.ctx);
    const endpoint = serviceRegistry.get(serviceId)?.endpoints[endpointName];
    if (!endpoint) {
      throw new DomainError(ErrorCode.NotFound, `Service ${serviceId}/${endpointName} does not exist`, { reason: 'service_not_found' });
    }
    const input = this.checkParams(endpoint.parameters, params ?? {});
    await this.sweepExpired();
    const job = await new JobsService(this.ctx, { queue: this.ctx.deps.jobs.queue }).create({
      jobType: 'breact.service',
      payload: { service: serviceId, endpoint: endpointName, params: input },
    }, true);
    const accessToken = randomBytes(24).toString('base64url');
    this.ctx.em.create(ServiceProcess, { id: job.id, accessTokenHash: sha256(accessToken), serviceId, endpoint: endpointName, userId: auth.userId, tenantId: auth.tenantId });
    this.ctx.em.create(UsageEvent, { tenantId: auth.tenantId, userId: auth.userId, serviceId, endpoint: endpointName, cost: String(endpoint.cost), processId: job.id });
    await this.ctx.em.flush();
    return { processId: job.id, accessToken };
  }

  /** A wrong token, another tenant's process and an expired result all read as "not found": nothing to probe. */
  async result(processId: string, accessToken: string): Promise<ServiceResult> {
    const { tenantId } = requireAuth(this.ctx);
    const id = normalizeUuid(processId);
    const process = id ? await this.ctx.em.findOne(ServiceProcess, { id, tenantId }) : null;
    const given = Buffer.from(sha256(accessToken));
    if (!process || !timingSafeEqual(given, Buffer.from(process.accessTokenHash))) throw new NotFoundError('Process not found');
    const job = await this.ctx.em.findOneOrFail(Job, { id: process.id });
    const ttlMs = this.ctx.deps.env.breactResultTtlSeconds * 1000;
    if (job.completedAt && Date.now() - job.completedAt.getTime() > ttlMs) {
      await this.ctx.em.nativeDelete(Job, { id: job.id });
      throw new NotFoundError('Process not found');
    }
    const base = { service: process.serviceId, endpoint: process.endpoint, createdAt: process.createdAt, result: null, error: null };
    if (job.status === 'completed') return { ...base, status: 'completed', result: job.result };
    if (job.status === 'failed' || job.status === 'cancelled') return { ...base, status: 'error', error: job.error ?? job.status };
    return { ...base, status: 'pending' };
  }

  private checkParams(spec: Record<string, ParameterSpec>, params: Record<string, unknown>) {
    const out: Record<string, unknown> = {};
    for (const [name, p] of Object.entries(spec)) {
      const value = params[name] ?? p.default;
      if (value === undefined) {
        if (p.required) throw new BadUserInputError(`Missing required parameter "${name}"`, name);
        continue;
      }
      if (!TYPE_CHECKS[p.type](value)) throw new BadUserInputError(`Parameter "${name}" must be of type ${p.type}`, name);
      out[name] = value;
    }
    const unknown = Object.keys(params).filter((k) => !(k in spec));
    if (unknown.length) throw new BadUserInputError(`Unknown parameter(s): ${unknown.join(', ')}`, unknown[0]);
    return out;
  }

  /** Results live a short while after completion (as the product documents); expired ones are removed as we go. */
  private sweepExpired() {
    return this.ctx.em.getConnection().execute(
      `delete from jobs.jobs j using jobs.service_processes p
        where p.id = j.id and j.completed_at < now() - make_interval(secs => ?)`,
      [this.ctx.deps.env.breactResultTtlSeconds],
    );
  }
}
