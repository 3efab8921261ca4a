import type { RouteRow } from '../route.types.js';
import { breactRows } from '../mappers/breact.rows.js';

/**
 * BReact OS documented routes, prefix /api/v1/services (breact-os-api.txt); errors in the BReact envelope, in the order of `routes.tsv`.
 * A row without `operation` answers 501 until its operation is written.
 */
export const breactRoutes: RouteRow[] = [
  // Service Management
  { surface: 'breact', method: 'GET', path: '/api/v1/services', section: 'Service Management', summary: 'List services', auth: true, envelope: 'breact', ...breactRows.list },
  { surface: 'breact', method: 'POST', path: '/api/v1/services/{service_id}/{endpoint}', section: 'Service Management', summary: 'Execute a service endpoint', auth: true, envelope: 'breact', ...breactRows.execute },
  { surface: 'breact', method: 'GET', path: '/api/v1/services/result/{process_id}', section: 'Service Management', summary: 'Get a service result', auth: true, envelope: 'breact', ...breactRows.result },
];
