import { Ajv, type ErrorObject } from 'ajv';
import manifestSchema from './plugin-manifest.schema.json' with { type: 'json' };
import { BadUserInputError } from '../common/errors.js';

/** One module a plugin offers to the page designer. */
export interface ManifestModule {
  id: string;
  name: string;
  displayName?: string;
  description?: string;
  category?: string;
  tags?: string[];
  props?: Record<string, unknown>;
  configFields?: Record<string, unknown>;
  requiredServices?: Record<string, unknown>;
  layout?: Record<string, unknown>;
}

export interface ManifestView {
  id: string;
  title: string;
  entry: string;
}

/** `plugin.json`, as `plugin-manifest.schema.json` admits it. */
export interface PluginManifest {
  slug: string;
  name: string;
  version: string;
  description?: string;
  category?: string;
  tags?: string[];
  author?: string;
  permissions?: string[];
  bundle: { entry: string; type?: 'frontend' | 'backend' | 'fullstack' };
  modules: ManifestModule[];
  pages?: ManifestView[];
  panels?: ManifestView[];
  backendService?: BackendServiceSpec;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile<PluginManifest>(manifestSchema);

/** `plugin.json` (at the root of the archive, or in its single top folder) parsed and checked; 400 naming each fault. */
export function parseManifest(raw: Buffer | string): PluginManifest {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString());
  } catch (e) {
    throw new BadUserInputError(`Invalid plugin package: plugin.json is not valid JSON (${(e as Error).message})`, 'file');
  }
  if (!validate(value)) throw new BadUserInputError(`Invalid plugin package: plugin.json ${describe(validate.errors ?? [])}`, 'file');
  const ids = new Set<string>();
  for (const m of value.modules) {
    if (ids.has(m.id)) throw new BadUserInputError(`Invalid plugin package: plugin.json lists module "${m.id}" twice`, 'file');
    ids.add(m.id);
  }
  return value;
}

function describe(errors: ErrorObject[]): string {
  return errors
    .slice(0, 5)
    .map((e) => {
      const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(root)';
      if (e.keyword === 'additionalProperties') return `${at}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      return `${at}: ${e.message}`;
    })
    .join('; ');
}

/**
 * A process the plugin needs beside its bundle, run from its installed folder: `command` is argv (`node` means this
 * Node.js), `port` a fixed port (otherwise a free one is given as PORT), `listens: false` for a worker that opens
 * no port (it counts as running once spawned), `env` extra variables.
 */
export interface BackendServiceSpec {
  command: string[];
  port?: number;
  listens?: boolean;
  env?: Record<string, string>;
}
