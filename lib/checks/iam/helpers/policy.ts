/** A policy statement reduced to what the wildcard checks need. */
export interface Statement {
  effect: string;
  actions: string[];
  resources: string[];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Statements of a parsed policy document; tolerates a single statement object instead of an array. */
export function statements(document: unknown): Statement[] {
  if (!document || typeof document !== 'object') return [];
  const raw = (document as { Statement?: unknown }).Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list
    .filter((s): s is Record<string, unknown> => !!s && typeof s === 'object')
    .map((s) => ({ effect: String(s.Effect ?? ''), actions: strings(s.Action), resources: strings(s.Resource) }));
}

/** True when a statement allows every action on every resource (`"Action": "*"`, `"Resource": "*"`). */
export function grantsFullAdmin(document: unknown): boolean {
  return statements(document).some(
    (s) => s.effect === 'Allow' && s.actions.includes('*') && s.resources.includes('*'),
  );
}

export function isReadableDocument(document: unknown): boolean {
  return !!document && typeof document === 'object';
}
