import type { JobRun } from '../../common/jobs/job-runner.js';
import type { SubgraphDeps } from '../../common/deps.js';

/** A parameter as BReact OS's service listing describes it. */
export interface ParameterSpec {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  description: string;
  required: boolean;
  default?: unknown;
}

export interface EndpointDefinition {
  description: string;
  method: 'POST';
  parameters: Record<string, ParameterSpec>;
  returns: string;
  isAsync: boolean;
  /** Credits one call costs (recorded as a usage event for billing). */
  cost: number;
  run(params: Record<string, unknown>, run: JobRun, deps: SubgraphDeps): Promise<unknown>;
}

export interface ServiceDefinition {
  id: string;
  name: string;
  description: string;
  version: string;
  config: Record<string, unknown>;
  endpoints: Record<string, EndpointDefinition>;
}
