import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { gql, rest, signUp } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type User = Awaited<ReturnType<typeof signUp>>;

let app: TestApp;
let db: pg.Client;
let url: string;

const TYPES = [
  'character', 'location', 'district', 'brand', 'faction', 'item', 'job', 'quest',
  'campaign', 'event', 'dialogue', 'timeline', 'assembly', 'style_bible', 'universe', 'biome',
];

beforeAll(async () => {
  app = await startTestApp();
  url = app.restUrl;
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await app.close();
});

/** A user whose role in their own tenant is `role`, logged in again so the JWT carries it. */
async function signUpWithRole(prefix: string, role: string): Promise<User & { tenantId: string }> {
  const u = await signUp(url, prefix);
  await db.query('update identity.users set is_admin = false where id = $1', [u.id]);
  await db.query('update identity.roles set name = $2 where user_id = $1', [u.id, role]);
  const login = await rest(url, 'POST', '/api/v1/auth/login', { body: { email: u.email, password: u.password } });
  return { ...u, tenantId: login.body.tenant_id, accessToken: login.body.access_token, bearer: { authorization: `Bearer ${login.body.access_token}` } };
}

const overrides = async (tenantId: string) =>
  (await db.query('select entity_type, layout from workspace.entity_layouts where tenant_id = $1 order by entity_type', [tenantId])).rows;

const custom = { sections: [{ id: 'bio', title: 'Biography', fields: ['backstory', 'age'] }], sidebar: ['image'] };

describe('GET /api/layouts and /api/layouts/{type}', () => {
  it('should answer the 16 built-in layouts to anyone', async () => {
    const res = await rest(url, 'GET', '/api/layouts');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(16);
    expect(res.body.layouts.map((l: { entity_type: string }) => l.entity_type)).toEqual(TYPES);
    for (const l of res.body.layouts) {
      expect(l).toMatchObject({ is_custom: false, tenant_id: null, updated_at: null });
      expect(l.layout.entity_type).toBe(l.entity_type);
      expect(l.layout.sections.length).toBeGreaterThan(0);
    }
    const one = await rest(url, 'GET', '/api/layouts/style_bible');
    expect(one).toMatchObject({ status: 200, body: { entity_type: 'style_bible', is_custom: false } });
    expect(one.body.layout.sections.find((s: { id: string }) => s.id === 'details').fields).toContain('palette');
  });

  it('should answer 404 for an unknown entity type', async () => {
    const res = await rest(url, 'GET', '/api/layouts/spaceship');
    expect(res).toMatchObject({ status: 404, body: { detail: 'Unknown entity type: spaceship' } });
  });
});

describe('PUT /api/layouts/{type}', () => {
  it("should set the tenant's own layout, seen by that tenant only", async () => {
    const owner = await signUpWithRole('lowner', 'owner');
    const put = await rest(url, 'PUT', '/api/layouts/character', { headers: owner.bearer, body: custom });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ entity_type: 'character', layout: custom, is_custom: true, tenant_id: owner.tenantId, updated_by: owner.id });
    expect(await overrides(owner.tenantId)).toEqual([{ entity_type: 'character', layout: custom }]);
    const mine = await rest(url, 'GET', '/api/layouts/character', { headers: owner.bearer });
    expect(mine.body).toMatchObject({ layout: custom, is_custom: true });
    const list = await rest(url, 'GET', '/api/layouts', { headers: owner.bearer });
    expect(list.body.layouts.filter((l: { is_custom: boolean }) => l.is_custom).map((l: { entity_type: string }) => l.entity_type)).toEqual(['character']);
    const anonymous = await rest(url, 'GET', '/api/layouts/character');
    expect(anonymous.body.is_custom).toBe(false);
    const stranger = await signUpWithRole('lstranger', 'owner');
    expect((await rest(url, 'GET', '/api/layouts/character', { headers: stranger.bearer })).body.is_custom).toBe(false);
  });

  it('should accept the layout wrapped in {"layout": ...} and replace the previous one', async () => {
    const owner = await signUpWithRole('lwrap', 'admin');
    await rest(url, 'PUT', '/api/layouts/item', { headers: owner.bearer, body: custom });
    const res = await rest(url, 'PUT', '/api/layouts/item', { headers: owner.bearer, body: { layout: { sections: [] } } });
    expect(res.body.layout).toEqual({ sections: [] });
    expect(await overrides(owner.tenantId)).toEqual([{ entity_type: 'item', layout: { sections: [] } }]);
  });

  it('should answer 422 for a body that is not an object, 404 for an unknown type, writing nothing', async () => {
    const owner = await signUpWithRole('lbad', 'owner');
    for (const body of [[custom], 'grid']) {
      const res = await rest(url, 'PUT', '/api/layouts/quest', { headers: owner.bearer, body });
      expect(res.status).toBe(422);
      expect(res.body.detail[0].loc).toEqual(['body']);
    }
    const unknown = await rest(url, 'PUT', '/api/layouts/spaceship', { headers: owner.bearer, body: custom });
    expect(unknown.status).toBe(404);
    expect(await overrides(owner.tenantId)).toEqual([]);
  });

  it('should answer 401 without credentials and 403 to a tenant member or viewer, writing nothing', async () => {
    const anonymous = await rest(url, 'PUT', '/api/layouts/faction', { body: custom });
    expect(anonymous).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
    for (const role of ['member', 'viewer']) {
      const u = await signUpWithRole(`l${role}`, role);
      for (const [method, path] of [['PUT', '/api/layouts/faction'], ['POST', '/api/layouts/faction/reset'], ['DELETE', '/api/layouts/faction']]) {
        const res = await rest(url, method, path, { headers: u.bearer, body: method === 'PUT' ? custom : undefined });
        expect(res, `${role} ${method}`).toMatchObject({ status: 403, body: { detail: 'Tenant owner or admin required' } });
      }
      expect(await overrides(u.tenantId)).toEqual([]);
    }
  });
});

describe('POST /api/layouts/{type}/reset and DELETE /api/layouts/{type}', () => {
  it('should reset a layout to the built-in one, with or without an override', async () => {
    const owner = await signUpWithRole('lreset', 'owner');
    await rest(url, 'PUT', '/api/layouts/biome', { headers: owner.bearer, body: custom });
    const reset = await rest(url, 'POST', '/api/layouts/biome/reset', { headers: owner.bearer });
    expect(reset).toMatchObject({ status: 200, body: { entity_type: 'biome', is_custom: false, message: 'Layout for biome reset to defaults' } });
    expect(reset.body.layout.entity_type).toBe('biome');
    expect(await overrides(owner.tenantId)).toEqual([]);
    const again = await rest(url, 'POST', '/api/layouts/biome/reset', { headers: owner.bearer });
    expect(again.status).toBe(200);
    expect((await rest(url, 'POST', '/api/layouts/spaceship/reset', { headers: owner.bearer })).status).toBe(404);
    expect((await rest(url, 'POST', '/api/layouts/biome/reset')).status).toBe(401);
  });

  it('should delete a custom layout, and answer 404 when there is none', async () => {
    const owner = await signUpWithRole('ldelete', 'owner');
    await rest(url, 'PUT', '/api/layouts/universe', { headers: owner.bearer, body: custom });
    await rest(url, 'PUT', '/api/layouts/timeline', { headers: owner.bearer, body: custom });
    const del = await rest(url, 'DELETE', '/api/layouts/universe', { headers: owner.bearer });
    expect(del).toMatchObject({ status: 200, body: { entity_type: 'universe', is_custom: false, message: 'Custom layout for universe deleted' } });
    expect(await overrides(owner.tenantId)).toEqual([{ entity_type: 'timeline', layout: custom }]);
    const none = await rest(url, 'DELETE', '/api/layouts/universe', { headers: owner.bearer });
    expect(none).toMatchObject({ status: 404, body: { detail: 'No custom layout for universe' } });
    expect((await rest(url, 'DELETE', '/api/layouts/spaceship', { headers: owner.bearer })).status).toBe(404);
    expect((await rest(url, 'DELETE', '/api/layouts/timeline')).status).toBe(401);
    expect(await overrides(owner.tenantId)).toHaveLength(1);
  });
});

describe('layouts over GraphQL', () => {
  const FIELDS = 'entityType layout isCustom tenantId updatedBy';

  it('should read, set, reset and delete layouts', async () => {
    const owner = await signUpWithRole('lgql', 'owner');
    const all = await gql(app.graphqlUrl, `{ entityLayouts { entityType isCustom } }`);
    expect(all.data.entityLayouts.map((l: { entityType: string }) => l.entityType)).toEqual(TYPES);
    const set = await gql(app.graphqlUrl, `mutation($l: JSON!) { updateEntityLayout(entityType: "brand", layout: $l) { ${FIELDS} } }`, { l: custom }, owner.bearer);
    expect(set.data.updateEntityLayout).toMatchObject({ entityType: 'brand', layout: custom, isCustom: true, tenantId: owner.tenantId, updatedBy: owner.id });
    const read = await gql(app.graphqlUrl, `{ entityLayout(entityType: "brand") { ${FIELDS} } }`, {}, owner.bearer);
    expect(read.data.entityLayout.isCustom).toBe(true);
    const del = await gql(app.graphqlUrl, `mutation { deleteEntityLayout(entityType: "brand") { ${FIELDS} } }`, {}, owner.bearer);
    expect(del.data.deleteEntityLayout.isCustom).toBe(false);
    const none = await gql(app.graphqlUrl, `mutation { deleteEntityLayout(entityType: "brand") { entityType } }`, {}, owner.bearer);
    expect(none.errors?.[0]).toMatchObject({ message: 'No custom layout for brand', extensions: { code: 'NOT_FOUND' } });
    const reset = await gql(app.graphqlUrl, `mutation { resetEntityLayout(entityType: "brand") { isCustom } }`, {}, owner.bearer);
    expect(reset.data.resetEntityLayout.isCustom).toBe(false);
  });

  it('should refuse bad input, unknown types, anonymous and non-editor writes', async () => {
    const owner = await signUpWithRole('lgqlbad', 'owner');
    const viewer = await signUpWithRole('lgqlview', 'viewer');
    const list = await gql(app.graphqlUrl, `mutation { updateEntityLayout(entityType: "job", layout: [1]) { entityType } }`, {}, owner.bearer);
    expect(list.errors?.[0]).toMatchObject({ message: 'layout must be a JSON object', extensions: { code: 'BAD_USER_INPUT' } });
    const unknown = await gql(app.graphqlUrl, `{ entityLayout(entityType: "spaceship") { entityType } }`);
    expect(unknown.errors?.[0]).toMatchObject({ message: 'Unknown entity type: spaceship', extensions: { code: 'NOT_FOUND' } });
    const anonymous = await gql(app.graphqlUrl, `mutation { resetEntityLayout(entityType: "job") { entityType } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forbidden = await gql(app.graphqlUrl, `mutation { updateEntityLayout(entityType: "job", layout: {}) { entityType } }`, {}, viewer.bearer);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await overrides(owner.tenantId)).toEqual([]);
    expect(await overrides(viewer.tenantId)).toEqual([]);
  });
});
