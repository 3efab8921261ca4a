import { SecretBox } from '../common/secret-box.js';
import { providerByDefinition } from './provider-keys.providers.js';

/**
 * How the values of a secret definition are kept: the API-key fields (the spellings BrainDrive reads) of the value and
 * of each entry of its `servers` list are sealed one by one, so the rest of the value stays readable in SQL; a value
 * that is a bare string is sealed whole. On the way out they are opened and masked (`sk-abcd...wxyz`, `_has_key`).
 */
export const KEY_FIELDS = ['api_key', 'apiKey', 'apikey', 'API_KEY'] as const;

/** Flags the masked answer adds; a client sending the value back sends them too, and they are never stored. */
const MASK_FLAGS = ['_has_key', '_key_valid'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && !SecretBox.isSealed(v);

/** Where a secret sits: the whole value, a key field of the value, or a key field of its `servers[index]`. */
type Slot = { holder: null } | { holder: Obj; field: string; server?: number };

/** Applies `f` to every secret slot of a value, copying what it changes; `holder` is the copy being built. */
function mapSecrets(value: unknown, f: (secret: unknown, slot: Slot) => unknown): unknown {
  if (typeof value === 'string' || SecretBox.isSealed(value)) return f(value, { holder: null });
  if (!isObj(value)) return value;
  const out: Obj = { ...value };
  for (const field of KEY_FIELDS) if (field in out) out[field] = f(out[field], { holder: out, field });
  if (Array.isArray(out.servers)) {
    out.servers = out.servers.map((server, index) => {
      if (!isObj(server)) return server;
      const copy: Obj = { ...server };
      for (const field of KEY_FIELDS) if (field in copy) copy[field] = f(copy[field], { holder: copy, field, server: index });
      return copy;
    });
  }
  return out;
}

/** Seals the secrets of a clear value for storage; empty keys stay empty (they hold nothing). */
export function sealSecrets(box: SecretBox, value: unknown): unknown {
  return mapSecrets(value, (s) => (typeof s === 'string' && s !== '' ? box.seal(s) : s));
}

/** Opens what sealSecrets sealed (values stored before a definition became secret pass through). */
export function openSecrets(box: SecretBox, value: unknown): unknown {
  return mapSecrets(value, (s) => (SecretBox.isSealed(s) ? box.open<string>(s) : s));
}

/** BrainDrive's mask: the first characters, `...`, the last four; very short keys show almost nothing. */
export function maskKey(key: string, showFirst = 7, showLast = 4): string {
  if (key.length <= showFirst + showLast) return key.length < 2 ? '***' : `${key[0]}...${key[key.length - 1]}`;
  return `${key.slice(0, showFirst)}...${key.slice(-showLast)}`;
}

/** A key as maskKey writes it, i.e. not a key a user typed. */
export function looksMasked(value: string): boolean {
  return value === '***' || /^\S{1,7}\.\.\.\S{1,4}$/.test(value);
}

/** The clear value of a secret definition, as clients see it: keys masked, `_has_key` (and `_key_valid`) added. */
export function maskSecrets(definitionId: string, clear: unknown): unknown {
  const spec = providerByDefinition(definitionId);
  return mapSecrets(clear, (s, { holder }) => {
    if (typeof s !== 'string' || s === '') return s;
    const masked = maskKey(s, spec?.showFirst);
    if (holder) {
      holder._has_key = s.trim() !== '';
      if (spec?.keyPrefix) holder._key_valid = s.startsWith(spec.keyPrefix) && s.length >= (spec.keyMinLength ?? 0);
    }
    return masked;
  });
}

/**
 * What to store when a client writes a secret value: a key sent back still masked keeps the stored key (servers are
 * matched by `id`, else by position), the mask flags are dropped.
 * @param incoming the value the client sent
 * @param stored the stored value, opened (null when there is none)
 */
export function keepMaskedSecrets(incoming: unknown, stored: unknown): unknown {
  const storedServers = isObj(stored) && Array.isArray(stored.servers) ? stored.servers : [];
  const previousOf = (slot: Slot): unknown => {
    if (!slot.holder) return stored;
    if (slot.server === undefined) return isObj(stored) ? stored[slot.field] : undefined;
    const { id } = slot.holder;
    const match = id !== undefined ? storedServers.find((s) => isObj(s) && s.id === id) : storedServers[slot.server];
    return isObj(match) ? match[slot.field] : undefined;
  };
  return mapSecrets(stripFlags(incoming), (s, slot) => {
    // A sealed envelope never comes from a client: storing one would let a copied envelope open as this user's key.
    if (SecretBox.isSealed(s)) return '';
    if (typeof s !== 'string' || !looksMasked(s)) return s;
    const previous = previousOf(slot);
    return typeof previous === 'string' ? previous : '';
  });
}

function stripFlags(value: unknown): unknown {
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) if (!MASK_FLAGS.includes(k)) out[k] = v;
  if (Array.isArray(out.servers)) out.servers = out.servers.map(stripFlags);
  return out;
}
