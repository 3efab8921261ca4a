import { z } from 'zod';
import { ExecuteServiceDocument, ServiceResultDocument, ServicesDocument } from '../../schema/generated/operations.js';
import { uuidParams } from '../validation.js';
import { built } from './built.js';

/** BReact OS (as-built): successes are bare objects the SDK reads at the top level; errors use BReact's envelope. */
export const breactRows = {
  list: built({ operation: ServicesDocument, response: (d) => d.services }),
  execute: built({
    operation: ExecuteServiceDocument,
    params: z.object({ service_id: z.string().min(1).max(100), endpoint: z.string().min(1).max(100) }),
    body: z.record(z.string(), z.unknown()).optional(),
    variables: (r) => ({ serviceId: r.params.service_id, endpoint: r.params.endpoint, params: r.body ?? {} }),
    response: (d) => ({ process_id: d.executeService.processId, access_token: d.executeService.accessToken }),
  }),
  result: built({
    operation: ServiceResultDocument,
    params: uuidParams('process_id'),
    query: z.object({ access_token: z.string().min(1) }),
    variables: (r) => ({ processId: r.params.process_id, accessToken: r.query.access_token }),
    response: ({ serviceResult: s }) => ({
      status: s.status,
      ...(s.status === 'completed' ? { result: s.result } : {}),
      ...(s.status === 'error' ? { error: s.error } : {}),
      service: s.service,
      endpoint: s.endpoint,
      created_at: s.createdAt,
    }),
  }),
};
