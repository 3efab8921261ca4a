import {
  BackupPageDocument,
  CreatePageDocument,
  DeletePageDocument,
  PageByRouteDocument,
  PageDocument,
  PagesDocument,
  PublishPageDocument,
  RestorePageDocument,
  UpdatePageDocument,
  UpdatePageHierarchyDocument,
} from '../../schema/generated/operations.js';
import { uuidParams } from '../validation.js';
import { built } from './built.js';
import { componentsRows } from './components.rows.js';
import { navigationRows } from './navigation.rows.js';
import { pageBody, pageInput, pageSchemas as s } from './pages.mappers.js';
import { pluginStateRows } from './plugin-state.rows.js';

const pageId = uuidParams('page_id');

// BrainDrive answers a route that is taken with 400 "A page with this route already exists".
const routeTaken = { CONFLICT: 400 };

/** BrainDrive `/api/v1/pages` rows. Each is spread into its line in `routes/braindrive.routes.ts`. */
export const pagesRows = {
  list: built({
    operation: PagesDocument,
    query: s.list,
    variables: ({ query: q }) => ({
      offset: q.skip ?? q.offset ?? 0,
      limit: q.limit,
      publishedOnly: q.published_only,
      navigationRouteId: q.navigation_route_id,
      parentRoute: q.parent_route,
      parentType: q.parent_type,
      isParentPage: q.is_parent_page,
      creatorId: q.creator_id,
    }),
    response: (d) => ({ pages: d.pages.items.map(pageBody), total: d.pages.total }),
  }),
  create: built({
    operation: CreatePageDocument,
    body: s.create,
    variables: ({ body: b }) => ({ input: { ...pageInput(b), name: b.name, route: b.route } }),
    response: (d) => pageBody(d.createPage),
    status: 201,
    errorStatus: routeTaken,
  }),
  get: built({
    operation: PageDocument,
    params: pageId,
    variables: (r) => ({ id: r.params.page_id }),
    response: (d) => pageBody(d.page),
  }),
  byRoute: built({
    operation: PageByRouteDocument,
    params: s.route,
    variables: (r) => ({ route: r.params.route }),
    response: (d) => pageBody(d.pageByRoute),
  }),
  update: built({
    operation: UpdatePageDocument,
    params: pageId,
    body: s.update,
    variables: ({ params: p, body: b }) => ({ id: p.page_id, input: { ...pageInput(b), isPublished: b.is_published } }),
    response: (d) => pageBody(d.updatePage),
    errorStatus: routeTaken,
  }),
  hierarchy: built({
    operation: UpdatePageHierarchyDocument,
    params: pageId,
    body: s.hierarchy,
    variables: ({ params: p, body: b }) => ({
      id: p.page_id,
      input: { parentRoute: b.parent_route, parentType: b.parent_type, routeSegment: b.route_segment, isParentPage: b.is_parent_page },
    }),
    response: (d) => pageBody(d.updatePageHierarchy),
    errorStatus: routeTaken,
  }),
  delete: built({
    operation: DeletePageDocument,
    params: pageId,
    variables: (r) => ({ id: r.params.page_id }),
    response: () => undefined,
    status: 204,
  }),
  publish: built({
    operation: PublishPageDocument,
    params: pageId,
    body: s.publish,
    variables: ({ params: p, body: b }) => ({ id: p.page_id, publish: b.publish }),
    response: (d) => pageBody(d.publishPage),
  }),
  backup: built({
    operation: BackupPageDocument,
    params: pageId,
    body: s.backup,
    variables: ({ params: p, body: b }) => ({ id: p.page_id, createBackup: b?.create_backup ?? true }),
    response: (d) => pageBody(d.backupPage),
  }),
  /** Undocumented; the BrainDrive web client's "restore from backup" (as-built.md). 400 when there is no backup. */
  restore: built({
    operation: RestorePageDocument,
    params: pageId,
    variables: (r) => ({ id: r.params.page_id }),
    response: (d) => pageBody(d.restorePage),
  }),
};

/** Every row of the workspace pages area, as `routes/braindrive.routes.ts` spreads them (`...pg.pages.list`). */
export const pagesAreaRows = {
  pages: pagesRows,
  navigation: navigationRows,
  components: componentsRows,
  pluginState: pluginStateRows,
};
