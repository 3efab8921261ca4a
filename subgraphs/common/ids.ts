const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BARE = /^[0-9a-f]{32}$/;

/** A UUID in canonical form (clients send ids with or without dashes), or null when it is not one. */
export function normalizeUuid(id: string): string | null {
  const s = id.trim().toLowerCase();
  if (DASHED.test(s)) return s;
  if (BARE.test(s)) return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  return null;
}
