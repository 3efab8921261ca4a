import type { SubgraphDefinition } from './common/subgraph.types.js';
import { chat } from './chat/index.js';
import { identity } from './identity/index.js';
import { jobs } from './jobs/index.js';
import { ops } from './ops/index.js';
import { plugins } from './plugins/index.js';
import { workspace } from './workspace/index.js';

/** Every domain, in composition order. A new domain is one line here. */
export const subgraphs: SubgraphDefinition<any>[] = [identity, workspace, plugins, chat, jobs, ops];

export function subgraphByName(name: string): SubgraphDefinition<any> | undefined {
  return subgraphs.find((s) => s.name === name);
}
