import type { SubgraphDefinition } from '../common/subgraph.types.js';
import { OpsResolver } from './ops.resolver.js';

export const ops: SubgraphDefinition<Record<string, never>> = {
  name: 'ops',
  port: 4009,
  resolvers: [OpsResolver],
  entities: [],
  migrations: [],
  createLoaders: () => ({}),
};
