import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gql, rest, signUp, uploadPackage } from '../helpers/clients.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { helloPluginFiles, helloPluginZip } from '../fixtures/plugins/packages.js';
import { signUpAdmin } from '../helpers/admin.js';

type User = Awaited<ReturnType<typeof signUp>>;

// Slugs of this file's own: definitions are global, so another file's installs never change what these tests see.
const SLUG = 'hello-settings';
const DEF = 'plugin_hello_settings_settings';

let app: TestApp;
let db: pg.Client;
let admin: User;
const stack: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'braingraph-plugin-settings-'));
  stack.push(() => rm(dataDir, { recursive: true, force: true }));
  app = await startTestApp({ BRAINGRAPH_DATA_DIR: dataDir });
  stack.push(() => app.close());
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  stack.push(() => db.end());
  admin = await signUpAdmin(app.restUrl, 'psadmin');
});
afterAll(async () => {
  while (stack.length) await stack.pop()!();
});

/** The example plugin under another slug, with a second config field. */
async function packageOf(slug: string, name = 'Hello Settings') {
  const manifest = JSON.parse((await helloPluginFiles())['plugin.json'].toString());
  const [card] = manifest.modules;
  const modules = [{ ...card, configFields: { ...card.configFields, shout: { type: 'boolean', label: 'Shout', default: false } } }];
  return helloPluginZip({ manifest: { slug, name, modules } });
}

/** Installs into the user's own tenant (a BrainDrive user owns it, so may install); answers the plugin id. */
async function install(u: User, slug = SLUG): Promise<string> {
  const { status, body } = await uploadPackage(app.restUrl, '/api/v1/plugins/install', u.bearer, await packageOf(slug), { method: 'upload' });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data.plugin_id;
}

const uninstall = async (u: User, slug: string) => expect((await rest(app.restUrl, 'DELETE', `/api/v1/plugins/${slug}/uninstall`, { headers: u.bearer })).status).toBe(200);
const definition = async (id: string) => (await db.query('select * from workspace.setting_definitions where id = $1', [id])).rows[0];
const userSettings = (u: User, slug = SLUG) => rest(app.restUrl, 'GET', `/api/plugins/${slug}/settings/user`, { headers: u.bearer });
const putUserSettings = (u: User, settings: Record<string, unknown>, slug = SLUG) =>
  rest(app.restUrl, 'PUT', `/api/plugins/${slug}/settings/user`, { headers: u.bearer, body: { settings } });
const instances = async (u: User, id = DEF) =>
  (await rest(app.restUrl, 'GET', `/api/v1/settings/instances?definition_id=${id}&scope=user&user_id=current`, { headers: u.bearer })).body;
const saveInstance = (u: User, value: unknown, id = DEF) =>
  rest(app.restUrl, 'POST', '/api/v1/settings/instances', { headers: u.bearer, body: { definition_id: id, name: 'Mine', value, scope: 'user', user_id: 'current' } });

describe('plugin config fields as workspace settings', () => {
  let owner: User;

  beforeAll(async () => {
    owner = await signUp(app.restUrl, 'psown');
    await install(owner);
  });

  it('should publish the declared fields as a user-scope definition when the plugin is installed', async () => {
    const res = await rest(app.restUrl, 'GET', '/api/v1/settings/definitions?category=plugins', { headers: owner.bearer });
    expect(res.status).toBe(200);
    expect(res.body.find((d: { id: string }) => d.id === DEF)).toMatchObject({
      name: 'Hello Settings settings',
      category: 'plugins',
      type: 'object',
      default_value: { greeting: 'Hello', shout: false },
      allowed_scopes: ['user'],
      validation: { fields: { greeting: { type: 'text', label: 'Greeting', default: 'Hello' }, shout: { type: 'boolean', default: false } } },
      tags: ['plugin', SLUG],
      is_secret: false,
    });
    // The operations behind it are internal: not part of the public graph.
    const hidden = await gql(app.graphqlUrl, `{ pluginUserSetting(slug: "${SLUG}", userId: "${owner.id}") { value } }`, {}, owner.bearer);
    expect(hidden.errors?.[0].message).toMatch(/Cannot query field "pluginUserSetting"/);
  });

  it("should answer a user's values set through the plugin route on /api/v1/settings/instances, and the other way round", async () => {
    const initial = await userSettings(owner);
    expect(initial.body).toMatchObject({ scope: 'user', settings: {}, effective: { greeting: 'Hello', shout: false } });
    expect((await putUserSettings(owner, { greeting: 'Yo' })).body.effective).toEqual({ greeting: 'Yo', shout: false });
    const [saved, ...more] = await instances(owner);
    expect(more).toEqual([]);
    expect(saved).toMatchObject({ definition_id: DEF, scope: 'user', user_id: owner.id, value: { greeting: 'Yo' } });

    const braindrive = await saveInstance(owner, { greeting: 'Hey', shout: true });
    expect(braindrive.status).toBe(200);
    expect(braindrive.body.id).toBe(saved.id);
    expect((await userSettings(owner)).body).toMatchObject({ settings: { greeting: 'Hey', shout: true }, effective: { greeting: 'Hey', shout: true } });
  });

  it('should refuse keys the plugin does not declare, on either route', async () => {
    const viaInstances = await saveInstance(owner, { greeting: 'Hi', colour: 'red' });
    expect(viaInstances).toMatchObject({ status: 400, body: { detail: 'Unknown setting colour; declared: greeting, shout' } });
    const [saved] = await instances(owner);
    const viaPatch = await rest(app.restUrl, 'PUT', `/api/v1/settings/instances/${saved.id}`, { headers: owner.bearer, body: { value: { colour: 'red' } } });
    expect(viaPatch).toMatchObject({ status: 400, body: { detail: 'Unknown setting colour; declared: greeting, shout' } });
    expect((await saveInstance(owner, 'loud')).status).toBe(400);
    const viaPlugin = await putUserSettings(owner, { colour: 'red' });
    expect(viaPlugin).toMatchObject({ status: 400, body: { detail: 'Unknown setting colour; declared: greeting, shout' } });
    // Plugin settings are per user: there is no system value of them to set.
    const system = await rest(app.restUrl, 'POST', '/api/v1/settings/instances', { headers: admin.bearer, body: { definition_id: DEF, name: 'All', value: {}, scope: 'system' } });
    expect(system.status).toBe(400);
    expect((await instances(owner))[0].value).toEqual(saved.value);
  });

  it("should keep each user's values to themselves", async () => {
    const other = await signUp(app.restUrl, 'psoth');
    await install(other);
    expect((await userSettings(other)).body).toMatchObject({ settings: {}, effective: { greeting: 'Hello', shout: false } });
    expect(await instances(other)).toEqual([]);
    const [owners] = await instances(owner);
    expect((await rest(app.restUrl, 'GET', `/api/v1/settings/instances/${owners.id}`, { headers: other.bearer })).status).toBe(404);
    await putUserSettings(other, { greeting: 'Mine' });
    expect((await userSettings(owner)).body.settings.greeting).not.toBe('Mine');
  });

  it("should put a user's own values over the tenant's, and the tenant's over the defaults", async () => {
    const u = await signUp(app.restUrl, 'psten');
    await install(u);
    const tenant = await rest(app.restUrl, 'PUT', `/api/plugins/${SLUG}/settings`, { headers: u.bearer, body: { greeting: 'Hi' } });
    expect(tenant.body).toMatchObject({ scope: 'tenant', settings: { greeting: 'Hi' }, effective: { greeting: 'Hi', shout: false } });
    expect((await userSettings(u)).body.effective).toEqual({ greeting: 'Hi', shout: false });
    expect((await putUserSettings(u, { shout: true })).body.effective).toEqual({ greeting: 'Hi', shout: true });
    expect((await putUserSettings(u, { greeting: 'Yo' })).body.effective).toEqual({ greeting: 'Yo', shout: false });
    expect((await rest(app.restUrl, 'GET', `/api/plugins/${SLUG}/settings`, { headers: u.bearer })).body.effective).toEqual({ greeting: 'Hi', shout: false });
    // Tenant-wide values stay in the plugins subgraph: workspace holds the user's instance only.
    expect((await instances(u)).map((i: { value: unknown }) => i.value)).toEqual([{ greeting: 'Yo' }]);
  });

  it('should move per-user values saved before into workspace when they are first read', async () => {
    const u = await signUp(app.restUrl, 'psold');
    const pluginId = await install(u);
    const oldRow = (values: unknown) =>
      db.query('insert into plugins.plugin_settings (id, plugin_id, user_id, "values") values (gen_random_uuid(), $1, $2, $3)', [pluginId, u.id, JSON.stringify(values)]);
    const oldRows = async () => Number((await db.query('select count(*) from plugins.plugin_settings where user_id = $1', [u.id])).rows[0].count);

    await oldRow({ greeting: 'Old', retired: 1 });
    expect((await userSettings(u)).body).toMatchObject({ settings: { greeting: 'Old' }, effective: { greeting: 'Old', shout: false } });
    expect(await oldRows()).toBe(0);
    expect((await instances(u)).map((i: { value: unknown }) => i.value)).toEqual([{ greeting: 'Old' }]);

    // A row found beside a workspace value only adds what workspace does not have: the newer value wins.
    await oldRow({ greeting: 'Older', shout: true });
    expect((await userSettings(u)).body.settings).toEqual({ greeting: 'Old', shout: true });
    expect(await oldRows()).toBe(0);
    expect((await userSettings(u)).body.settings).toEqual({ greeting: 'Old', shout: true });
  });

  it('should re-create a missing definition the first time the plugin route needs it', async () => {
    const u = await signUp(app.restUrl, 'psheal');
    await install(u, 'hello-heal');
    await db.query("delete from workspace.setting_definitions where id = 'plugin_hello_heal_settings'");
    expect((await putUserSettings(u, { shout: true }, 'hello-heal')).body.effective).toEqual({ greeting: 'Hello', shout: true });
    expect(await definition('plugin_hello_heal_settings')).toMatchObject({ category: 'plugins', tags: ['plugin', 'hello-heal'] });
  });

  it('should remove the definition, and the values of it, when the last tenant uninstalls the plugin', async () => {
    const [a, b] = [await signUp(app.restUrl, 'psgone'), await signUp(app.restUrl, 'psgone')];
    await install(a, 'hello-gone');
    await install(b, 'hello-gone');
    await putUserSettings(b, { greeting: 'Bye' }, 'hello-gone');
    await uninstall(a, 'hello-gone');
    expect(await definition('plugin_hello_gone_settings')).toBeDefined();
    await uninstall(b, 'hello-gone');
    expect(await definition('plugin_hello_gone_settings')).toBeUndefined();
    expect((await db.query("select count(*) from workspace.setting_instances where definition_id = 'plugin_hello_gone_settings'")).rows[0].count).toBe('0');
  });
});

describe('a definition of the same id made by hand', () => {
  it('should be left alone by install and uninstall, and make the per-user route answer 409', async () => {
    const id = 'plugin_hello_handmade_settings';
    const made = await rest(app.restUrl, 'POST', '/api/v1/settings/definitions', {
      headers: admin.bearer,
      body: { id, name: 'Hand made', category: 'mine', type: 'object', default_value: { x: 1 }, allowed_scopes: ['system', 'user'], tags: ['mine'] },
    });
    expect(made.status).toBe(200);
    const u = await signUp(app.restUrl, 'pshand');
    await install(u, 'hello-handmade');
    expect(await definition(id)).toMatchObject({ name: 'Hand made', category: 'mine', default_value: { x: 1 }, tags: ['mine'] });
    const mine = await userSettings(u, 'hello-handmade');
    expect(mine.status).toBe(409);
    expect(mine.body.detail).toContain(`Setting definition ${id} exists and is not plugin hello-handmade's`);
    // Tenant-wide values don't need it.
    expect((await rest(app.restUrl, 'GET', '/api/plugins/hello-handmade/settings', { headers: u.bearer })).status).toBe(200);
    // Its values are not checked against the plugin's fields either.
    expect((await saveInstance(u, { anything: true }, id)).status).toBe(200);
    await uninstall(u, 'hello-handmade');
    expect(await definition(id)).toMatchObject({ name: 'Hand made', tags: ['mine'] });
  });

  it('should be adopted when it was only auto-generated by saving a value', async () => {
    const id = 'plugin_hello_adopted_settings';
    const u = await signUp(app.restUrl, 'psadopt');
    expect((await saveInstance(u, { greeting: 'Early' }, id)).status).toBe(200);
    expect(await definition(id)).toMatchObject({ category: 'auto_generated' });
    await install(u, 'hello-adopted');
    expect(await definition(id)).toMatchObject({ category: 'plugins', allowed_scopes: ['user'], tags: ['plugin', 'hello-adopted'] });
    expect((await userSettings(u, 'hello-adopted')).body.effective).toEqual({ greeting: 'Early', shout: false });
  });
});
