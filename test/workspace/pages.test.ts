import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { gql, rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
let db: pg.Client;
let ada: Awaited<ReturnType<typeof signUp>>;
let bob: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  app = await startTestApp();
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  [ada, bob] = await Promise.all([signUp(app.restUrl, 'pga'), signUp(app.restUrl, 'pgb')]);
});
afterAll(async () => {
  await db?.end();
  await app?.close();
});

type User = typeof ada;
let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}`;

const api = (user: User, method: string, path: string, body?: unknown) =>
  rest(app.restUrl, method, `/api/v1${path}`, { headers: user.bearer, body });

async function createPage(user: User, extra: Record<string, unknown> = {}) {
  const res = await api(user, 'POST', '/pages', { name: 'A page', route: `/${unique('p')}`, content: { layout: {}, components: [] }, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const pageCount = async (user: User) =>
  Number((await db.query('select count(*) from workspace.pages where creator_id = $1', [user.id])).rows[0].count);
const pageRow = async (id: string) => (await db.query('select * from workspace.pages where id = $1', [id])).rows[0];
const withoutDashes = (id: string) => id.replace(/-/g, '');

describe('REST: create and read pages', () => {
  it('should create a page (201) and answer it in BrainDrive\'s PageResponse shape', async () => {
    const route = `/${unique('my-page')}`;
    const res = await api(ada, 'POST', '/pages', {
      name: 'My Page',
      route,
      parent_type: 'page',
      description: 'Page description',
      icon: 'icon-name',
      content: { layout: { cols: 2 }, components: [{ id: 'c1' }] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'My Page',
      route,
      route_segment: route.slice(1),
      parent_type: 'page',
      is_parent_page: false,
      description: 'Page description',
      icon: 'icon-name',
      content: { layout: { cols: 2 }, components: [{ id: 'c1' }] },
      content_backup: null,
      is_published: false,
      publish_date: null,
      navigation_route_id: null,
      creator_id: ada.id,
    });
    expect(res.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(Date.parse(res.body.created_at)).not.toBeNaN();
    expect((await pageRow(res.body.id)).content).toEqual({ layout: { cols: 2 }, components: [{ id: 'c1' }] });
  });

  it('should refuse a route the creator already has, with or without the leading slash (400), writing nothing', async () => {
    const page = await createPage(ada);
    const before = await pageCount(ada);
    for (const route of [page.route, page.route.slice(1), `${page.route}/`]) {
      const res = await api(ada, 'POST', '/pages', { name: 'Again', route, content: {} });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ detail: 'A page with this route already exists' });
    }
    expect(await pageCount(ada)).toBe(before);
    // Routes are unique per creator: another user may use the same one.
    const other = await api(bob, 'POST', '/pages', { name: 'Mine too', route: page.route, content: {} });
    expect(other.status).toBe(201);
  });

  it.each([
    ['no name', { route: '/x1' }, ['body', 'name'], 'missing'],
    ['no route', { name: 'x' }, ['body', 'route'], 'missing'],
    ['a 101-character name', { name: 'x'.repeat(101), route: '/x2' }, ['body', 'name'], 'string_too_long'],
    ['content that is a list', { name: 'x', route: '/x3', content: [1, 2] }, ['body', 'content'], 'dict_type'],
    ['a navigation route id that is not a UUID', { name: 'x', route: '/x4', navigation_route_id: 'nav-1' }, ['body', 'navigation_route_id'], 'uuid_parsing'],
    ['a boolean that is no boolean', { name: 'x', route: '/x5', is_parent_page: 'sometimes' }, ['body', 'is_parent_page'], 'bool_parsing'],
  ])('should answer 422 for %s, writing nothing', async (_label, body, loc, type) => {
    const before = await pageCount(ada);
    const res = await api(ada, 'POST', '/pages', body);
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc, type, msg: expect.any(String) });
    expect(await pageCount(ada)).toBe(before);
  });

  it('should refuse a route that is not a path (400) and a parent type it does not know (400)', async () => {
    const before = await pageCount(ada);
    const spaced = await api(ada, 'POST', '/pages', { name: 'x', route: '/two words', content: {} });
    expect(spaced.status).toBe(400);
    expect(spaced.body.detail).toMatch(/route is not a valid path/);
    const dots = await api(ada, 'POST', '/pages', { name: 'x', route: '/a/../b', content: {} });
    expect(dots.status).toBe(400);
    const parentType = await api(ada, 'POST', '/pages', { name: 'x', route: `/${unique('pt')}`, parent_type: 'folder' });
    expect(parentType.status).toBe(400);
    expect(parentType.body.detail).toBe('Invalid parent type. Must be one of: page, navigation, dashboard, plugin-studio, settings');
    expect(await pageCount(ada)).toBe(before);
  });

  it('should refuse someone else\'s navigation route as 404, writing nothing', async () => {
    const nav = await api(bob, 'POST', '/navigation-routes', { name: 'Bob nav', route: unique('bob-nav') });
    expect(nav.status).toBe(201);
    const before = await pageCount(ada);
    const res = await api(ada, 'POST', '/pages', { name: 'x', route: `/${unique('n')}`, navigation_route_id: nav.body.id });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Navigation route not found' });
    expect(await pageCount(ada)).toBe(before);
  });

  it('should get a page by id with or without dashes, answered with dashes; someone else\'s is 404', async () => {
    const page = await createPage(ada);
    for (const id of [page.id, withoutDashes(page.id), page.id.toUpperCase()]) {
      const res = await api(ada, 'GET', `/pages/${id}`);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(page.id);
    }
    const theirs = await api(bob, 'GET', `/pages/${page.id}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual({ detail: 'Page not found' });
    const bad = await api(ada, 'GET', '/pages/not-a-uuid');
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0]).toMatchObject({ loc: ['path', 'page_id'], type: 'uuid_parsing' });
  });

  it('should find a page by route with or without its leading slash, over several segments', async () => {
    const base = unique('docs');
    const slashed = await createPage(ada, { route: `/${base}/guide/intro` });
    const bare = await createPage(ada, { route: `${base}-bare` });
    const one = await api(ada, 'GET', `/pages/route/${base}/guide/intro`);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(slashed.id);
    const two = await api(ada, 'GET', `/pages/route/${base}-bare`);
    expect(two.body.id).toBe(bare.id);
    expect(two.body.route).toBe(`${base}-bare`);
    const encoded = await api(ada, 'GET', `/pages/route/${encodeURIComponent(`${base}/guide/intro`)}`);
    expect(encoded.body.id).toBe(slashed.id);
    const theirs = await api(bob, 'GET', `/pages/route/${base}/guide/intro`);
    expect(theirs.status).toBe(404);
    expect((await api(ada, 'GET', `/pages/route/${base}/nothing`)).status).toBe(404);
  });
});

describe('REST: list pages', () => {
  let carol: User;
  beforeAll(async () => {
    carol = await signUp(app.restUrl, 'pgc');
    for (let i = 0; i < 5; i++) await createPage(carol, { name: `P${i}` });
    const published = await createPage(carol, { name: 'Published' });
    await api(carol, 'POST', `/pages/${published.id}/publish`, { publish: true });
  });

  it('should answer {pages, total} with only the caller\'s pages, oldest first', async () => {
    const res = await api(carol, 'GET', '/pages');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['pages', 'total']);
    expect(res.body.total).toBe(6);
    expect(res.body.pages.map((p: { name: string }) => p.name)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'Published']);
    expect(res.body.pages.every((p: { creator_id: string }) => p.creator_id === carol.id)).toBe(true);
  });

  it('should filter published pages (the web client\'s first screen)', async () => {
    const res = await api(carol, 'GET', '/pages?published_only=true');
    expect(res.body.total).toBe(1);
    expect(res.body.pages[0]).toMatchObject({ name: 'Published', is_published: true });
  });

  it('should page with skip and limit, total counting every match', async () => {
    const res = await api(carol, 'GET', '/pages?skip=2&limit=3');
    expect(res.body.total).toBe(6);
    expect(res.body.pages.map((p: { name: string }) => p.name)).toEqual(['P2', 'P3', 'P4']);
  });

  it.each([
    ['limit=101', ['query', 'limit'], 'less_than_equal'],
    ['limit=0', ['query', 'limit'], 'greater_than_equal'],
    ['skip=-1', ['query', 'skip'], 'greater_than_equal'],
    ['published_only=perhaps', ['query', 'published_only'], 'bool_parsing'],
    ['navigation_route_id=x', ['query', 'navigation_route_id'], 'uuid_parsing'],
  ])('should answer 422 for %s', async (query, loc, type) => {
    const res = await api(carol, 'GET', `/pages?${query}`);
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc, type });
  });

  it('should refuse to list another user\'s pages (403)', async () => {
    const res = await api(carol, 'GET', `/pages?creator_id=${ada.id}`);
    expect(res.status).toBe(403);
    const own = await api(carol, 'GET', `/pages?creator_id=${withoutDashes(carol.id)}`);
    expect(own.body.total).toBe(6);
  });
});

describe('REST: change pages', () => {
  it('should update the fields sent and leave the rest', async () => {
    const page = await createPage(ada, { description: 'keep me' });
    const res = await api(ada, 'PUT', `/pages/${withoutDashes(page.id)}`, { name: 'Renamed', content: { v: 2 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: page.id, name: 'Renamed', content: { v: 2 }, description: 'keep me', route: page.route });
    expect((await pageRow(page.id)).name).toBe('Renamed');
  });

  it('should refuse an update to a route the creator has (400), someone else\'s page (404) and bad input (422)', async () => {
    const a = await createPage(ada);
    const b = await createPage(ada);
    const taken = await api(ada, 'PUT', `/pages/${b.id}`, { route: a.route.slice(1) });
    expect(taken.status).toBe(400);
    expect(taken.body).toEqual({ detail: 'A page with this route already exists' });
    const theirs = await api(bob, 'PUT', `/pages/${b.id}`, { name: 'Stolen' });
    expect(theirs.status).toBe(404);
    const bad = await api(ada, 'PUT', `/pages/${b.id}`, { is_published: 'maybe', content: 'text' });
    expect(bad.status).toBe(422);
    expect(bad.body.detail.map((d: { loc: string[] }) => d.loc[1]).sort()).toEqual(['content', 'is_published']);
    expect(await pageRow(b.id)).toMatchObject({ route: b.route, name: b.name, is_published: false });
  });

  it('should attach a page to the caller\'s navigation route and detach it with null', async () => {
    const nav = await api(ada, 'POST', '/navigation-routes', { name: 'Ada nav', route: unique('ada-nav') });
    const page = await createPage(ada, { navigation_route_id: withoutDashes(nav.body.id) });
    expect(page.navigation_route_id).toBe(nav.body.id);
    const listed = await api(ada, 'GET', `/pages?navigation_route_id=${nav.body.id}`);
    expect(listed.body.pages.map((p: { id: string }) => p.id)).toEqual([page.id]);
    const detached = await api(ada, 'PUT', `/pages/${page.id}`, { navigation_route_id: null });
    expect(detached.body.navigation_route_id).toBeNull();
  });

  it('should move a page under a parent page, rebuilding its route', async () => {
    const parent = await createPage(ada, { is_parent_page: true });
    const child = await createPage(ada);
    const res = await api(ada, 'PUT', `/pages/${child.id}/hierarchy`, {
      parent_route: parent.route.slice(1),
      parent_type: 'page',
      route_segment: 'child',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ parent_route: parent.route, parent_type: 'page', route_segment: 'child', route: `${parent.route}/child` });
    const found = await api(ada, 'GET', `/pages/route${parent.route}/child`);
    expect(found.body.id).toBe(child.id);
    const top = await api(ada, 'PUT', `/pages/${child.id}/hierarchy`, { parent_route: '' });
    expect(top.body).toMatchObject({ parent_route: null, route: '/child' });
  });

  it('should refuse a hierarchy under a page that is not a parent page, or under itself (400)', async () => {
    const plain = await createPage(ada);
    const page = await createPage(ada, { is_parent_page: true });
    const notParent = await api(ada, 'PUT', `/pages/${page.id}/hierarchy`, { parent_route: plain.route });
    expect(notParent.status).toBe(400);
    expect(notParent.body.detail).toBe(`Page '${plain.name}' is not marked as a parent page`);
    const itself = await api(ada, 'PUT', `/pages/${page.id}/hierarchy`, { parent_route: page.route });
    expect(itself.status).toBe(400);
    const missing = await api(ada, 'PUT', `/pages/${page.id}/hierarchy`, { parent_route: '/no-such-parent' });
    expect(missing.status).toBe(400);
    const bad = await api(ada, 'PUT', `/pages/${page.id}/hierarchy`, { is_parent_page: 'yes please' });
    expect(bad.status).toBe(422);
    expect(await pageRow(page.id)).toMatchObject({ route: page.route, parent_route: null });
    expect((await api(bob, 'PUT', `/pages/${page.id}/hierarchy`, { route_segment: 'x' })).status).toBe(404);
  });

  it('should publish and unpublish a page', async () => {
    const page = await createPage(ada);
    const on = await api(ada, 'POST', `/pages/${page.id}/publish`, { publish: true });
    expect(on.status).toBe(200);
    expect(on.body.is_published).toBe(true);
    expect(Date.parse(on.body.publish_date)).not.toBeNaN();
    const off = await api(ada, 'POST', `/pages/${page.id}/publish`, { publish: false });
    expect(off.body).toMatchObject({ is_published: false, publish_date: null });
    const missing = await api(ada, 'POST', `/pages/${page.id}/publish`, {});
    expect(missing.status).toBe(422);
    expect(missing.body.detail[0]).toMatchObject({ loc: ['body', 'publish'], type: 'missing' });
    expect((await api(bob, 'POST', `/pages/${page.id}/publish`, { publish: true })).status).toBe(404);
    expect((await pageRow(page.id)).is_published).toBe(false);
  });

  it('should back up a page and restore it from the backup (the web client\'s restore)', async () => {
    const page = await createPage(ada, { content: { version: 1 } });
    const noBackup = await api(ada, 'POST', `/pages/${page.id}/restore`, {});
    expect(noBackup.status).toBe(400);
    expect(noBackup.body).toEqual({ detail: 'No backup available for this page' });
    const backup = await api(ada, 'POST', `/pages/${page.id}/backup`, { create_backup: true });
    expect(backup.status).toBe(200);
    expect(backup.body.content_backup).toEqual({ version: 1 });
    expect(Date.parse(backup.body.backup_date)).not.toBeNaN();
    await api(ada, 'PUT', `/pages/${page.id}`, { content: { version: 2 } });
    const restored = await api(ada, 'POST', `/pages/${withoutDashes(page.id)}/restore`, {});
    expect(restored.status).toBe(200);
    expect(restored.body.content).toEqual({ version: 1 });
    expect((await pageRow(page.id)).content).toEqual({ version: 1 });
    const skipped = await api(ada, 'POST', `/pages/${page.id}/backup`, { create_backup: false });
    expect(skipped.body.backup_date).toBe(backup.body.backup_date);
    const bad = await api(ada, 'POST', `/pages/${page.id}/backup`, { create_backup: 'often' });
    expect(bad.status).toBe(422);
    expect((await api(bob, 'POST', `/pages/${page.id}/backup`, {})).status).toBe(404);
    expect((await api(bob, 'POST', `/pages/${page.id}/restore`, {})).status).toBe(404);
  });

  it('should delete a page (204, no body); someone else\'s is 404 and stays', async () => {
    const page = await createPage(ada);
    const theirs = await api(bob, 'DELETE', `/pages/${page.id}`);
    expect(theirs.status).toBe(404);
    expect(await pageRow(page.id)).toBeDefined();
    const res = await api(ada, 'DELETE', `/pages/${withoutDashes(page.id)}`);
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect(await pageRow(page.id)).toBeUndefined();
    expect((await api(ada, 'GET', `/pages/${page.id}`)).status).toBe(404);
  });

  it('should refuse every page route without credentials (401)', async () => {
    const res = await rest(app.restUrl, 'GET', '/api/v1/pages');
    expect(res.status).toBe(401);
  });
});

const PAGE = 'id name route content isPublished creatorId creator { id username } navigationRoute { id name }';

describe('GraphQL: pages', () => {
  const q = (user: User, query: string, variables: Record<string, unknown> = {}) => gql(app.graphqlUrl, query, variables, user.bearer);

  it('should create, list and read pages, with the creator from identity', async () => {
    const route = `/${unique('gql')}`;
    const created = await q(ada, `mutation($i: CreatePageInput!) { createPage(input: $i) { ${PAGE} } }`, {
      i: { name: 'GQL', route, content: { a: 1 } },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createPage).toMatchObject({ name: 'GQL', route, content: { a: 1 }, creator: { id: ada.id, username: ada.username } });
    const id = created.data.createPage.id;
    const byId = await q(ada, `query($id: ID!) { page(id: $id) { id } }`, { id: withoutDashes(id) });
    expect(byId.data.page.id).toBe(id);
    const byRoute = await q(ada, `query($r: String!) { pageByRoute(route: $r) { id } }`, { r: route.slice(1) });
    expect(byRoute.data.pageByRoute.id).toBe(id);
    const list = await q(ada, `{ pages(limit: 100) { total offset limit items { id } } }`);
    expect(list.data.pages.items.map((p: { id: string }) => p.id)).toContain(id);
    expect(list.data.pages).toMatchObject({ offset: 0, limit: 100 });
  });

  it('should answer NOT_FOUND for someone else\'s page and CONFLICT for a taken route', async () => {
    const page = await createPage(ada);
    const theirs = await q(bob, `query($id: ID!) { page(id: $id) { id } }`, { id: page.id });
    expect(theirs.errors?.[0]).toMatchObject({ message: 'Page not found', extensions: { code: 'NOT_FOUND' } });
    const update = await q(bob, `mutation($id: ID!) { updatePage(id: $id, input: { name: "x" }) { id } }`, { id: page.id });
    expect(update.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const taken = await q(ada, `mutation($r: String!) { createPage(input: { name: "x", route: $r }) { id } }`, { r: page.route });
    expect(taken.errors?.[0]).toMatchObject({ message: 'A page with this route already exists', extensions: { code: 'CONFLICT' } });
    expect((await pageRow(page.id)).name).toBe(page.name);
  });

  it('should refuse bad input with BAD_USER_INPUT and write nothing', async () => {
    const before = await pageCount(ada);
    for (const input of [
      { name: '', route: '/empty-name' },
      { name: 'x', route: '/a b' },
      { name: 'x', route: `/${unique('c')}`, content: [1, 2] },
      { name: 'x', route: `/${unique('t')}`, parentType: 'folder' },
    ]) {
      const res = await q(ada, `mutation($i: CreatePageInput!) { createPage(input: $i) { id } }`, { i: input });
      expect(res.errors?.[0].extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    expect(await pageCount(ada)).toBe(before);
  });

  it('should refuse a page size over 100 and a negative offset', async () => {
    const big = await q(ada, `{ pages(limit: 101) { total } }`);
    expect(big.errors?.[0]).toMatchObject({ message: 'limit must be between 1 and 100', extensions: { code: 'BAD_USER_INPUT' } });
    const negative = await q(ada, `{ pages(offset: -1) { total } }`);
    expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('should publish, back up, restore and delete through mutations', async () => {
    const page = await createPage(ada, { content: { v: 1 } });
    const published = await q(ada, `mutation($id: ID!) { publishPage(id: $id, publish: true) { isPublished publishDate } }`, { id: page.id });
    expect(published.data.publishPage.isPublished).toBe(true);
    await q(ada, `mutation($id: ID!) { backupPage(id: $id) { backupDate } }`, { id: page.id });
    await q(ada, `mutation($id: ID!) { updatePage(id: $id, input: { content: { v: 2 } }) { id } }`, { id: page.id });
    const restored = await q(ada, `mutation($id: ID!) { restorePage(id: $id) { content contentBackup } }`, { id: page.id });
    expect(restored.data.restorePage).toEqual({ content: { v: 1 }, contentBackup: { v: 1 } });
    const moved = await q(ada, `mutation($id: ID!) { updatePageHierarchy(id: $id, input: { routeSegment: "moved" }) { route } }`, { id: page.id });
    expect(moved.data.updatePageHierarchy.route).toBe('/moved');
    const deleted = await q(ada, `mutation($id: ID!) { deletePage(id: $id) }`, { id: page.id });
    expect(deleted.data.deletePage).toBe(page.id);
    expect(await pageRow(page.id)).toBeUndefined();
  });

  it('should give User.pages and User.navigationRoutes to the user only', async () => {
    const dave = await signUp(app.restUrl, 'pgd');
    await createPage(dave);
    const nav = await api(dave, 'POST', '/navigation-routes', { name: 'Dave nav', route: unique('dave') });
    const me = await q(dave, `{ me { id pages(limit: 10) { total items { creatorId creator { username } } } navigationRoutes { id } } }`);
    expect(me.errors).toBeUndefined();
    expect(me.data.me.pages.total).toBe(1);
    expect(me.data.me.pages.items[0]).toEqual({ creatorId: dave.id, creator: { username: dave.username } });
    expect(me.data.me.navigationRoutes).toEqual([{ id: nav.body.id }]);
    // Reached through a page's creator, the user is still the caller: the fields answer (components.test.ts checks
    // that another user's are null).
    const page = await createPage(dave);
    const nested = await q(dave, `query($id: ID!) { page(id: $id) { creator { pages { total } navigationRoutes { id } } } }`, { id: page.id });
    expect(nested.data.page.creator.pages.total).toBe(2);
    expect(nested.data.page.creator.navigationRoutes).toHaveLength(1);
  });
});
