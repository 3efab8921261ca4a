import type { RouteRow } from '../route.types.js';
import { braindriveRoutes } from './braindrive.routes.js';
import { braingardenRoutes } from './braingarden.routes.js';
import { breactRoutes } from './breact.routes.js';
import { studiobrainRoutes } from './studiobrain.routes.js';

/**
 * Every documented route, in `routes.tsv` order. Both ports serve all of them; where two products document the same
 * method and path (`GET /health`), the router serves the first row.
 */
export const allRows: readonly RouteRow[] = [...braindriveRoutes, ...studiobrainRoutes, ...braingardenRoutes, ...breactRoutes];

export { braindriveRoutes, braingardenRoutes, breactRoutes, studiobrainRoutes };
