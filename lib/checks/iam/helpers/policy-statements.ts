/**
 * A policy statement as the principal-level checks read it: the Not* forms and whether a Condition
 * applies are kept (helpers/policy.ts reduces statements further for the policy-level wildcard checks).
 */
export interface PolicyStatement {
  effect: 'Allow' | 'Deny' | string;
  /** `Action` values, or null when the statement uses `NotAction`. */
  actions: string[] | null;
  notActions: string[];
  /** `Resource` values, or null when the statement uses `NotResource`. */
  resources: string[] | null;
  conditioned: boolean;
  /** The raw Principal (trust policies); undefined when absent. */
  principal: unknown;
  notPrincipal: unknown;
  condition: Record<string, Record<string, unknown>>;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function conditionBlock(value: unknown): Record<string, Record<string, unknown>> {
  if (!value || typeof value !== 'object') return {};
  const block: Record<string, Record<string, unknown>> = {};
  for (const [operator, keys] of Object.entries(value as Record<string, unknown>)) {
    if (keys && typeof keys === 'object') block[operator] = keys as Record<string, unknown>;
  }
  return block;
}

/** Statements of a parsed policy document; tolerates a single statement object instead of an array. */
export function policyStatements(document: unknown): PolicyStatement[] {
  if (!document || typeof document !== 'object') return [];
  const raw = (document as { Statement?: unknown }).Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list
    .filter((s): s is Record<string, unknown> => !!s && typeof s === 'object')
    .map((s) => {
      const condition = conditionBlock(s.Condition);
      return {
        effect: String(s.Effect ?? ''),
        actions: 'NotAction' in s && !('Action' in s) ? null : strings(s.Action),
        notActions: strings(s.NotAction),
        resources: 'NotResource' in s && !('Resource' in s) ? null : strings(s.Resource),
        conditioned: Object.keys(condition).length > 0,
        principal: s.Principal,
        notPrincipal: s.NotPrincipal,
        condition,
      };
    });
}

/** IAM action matching: case-insensitive, `*` and `?` wildcards, as IAM evaluates Action elements. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
    'i',
  );
  return re.test(action);
}

/** True when the statement's Action (or NotAction) lets through `action`. */
export function statementCoversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.actions === null) return !statement.notActions.some((p) => actionMatches(p, action));
  return statement.actions.some((p) => actionMatches(p, action));
}

/** `"*"` or `"*:*"`: every action of every service. */
export function isEveryAction(pattern: string): boolean {
  return pattern === '*' || pattern === '*:*';
}

export function appliesToAllResources(statement: PolicyStatement): boolean {
  return statement.resources !== null && statement.resources.includes('*');
}

export function isReadablePolicy(document: unknown): boolean {
  return !!document && typeof document === 'object';
}
