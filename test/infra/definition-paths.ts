import type { Definition, State } from './definition.js';

/**
 * The top-level keys each Lambda returns. Declared here so the synth test can follow the data through the
 * definition; the executed-workflow test checks every real handler result against this table.
 */
export const HANDLER_OUTPUT_KEYS: Record<string, readonly string[]> = {
  'resolve-targets.ts': ['runId', 'startedAt', 'executionId', 'targets'],
  'scan-target.ts': ['accountId', 'regions', 'includeGlobal', 'status', 'recordKey', 'counts'],
  'seal-account.ts': ['accountId', 'status', 'manifestKey', 'counts'],
  'record-account.ts': ['accountId', 'status', 'counts'],
  'finalize-run.ts': ['runId', 'status', 'counts'],
};

export interface PathProblem {
  state: string;
  path: string;
  available: string[];
}

type Keys = ReadonlySet<string> | 'unknown';

/** `$.a.b` -> `a`; context (`$$.`) and whole-input (`$`) paths are not checked. */
function rootKey(path: string): string | undefined {
  return /^\$\.([A-Za-z0-9_]+)/.exec(path)?.[1];
}

/** Every JSONPath a state reads from its input: `*.$` template values, ItemsPath, InputPath, Choice variables. */
export function pathsRead(s: State): string[] {
  const out: string[] = [];
  const template = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k.endsWith('.$') && typeof v === 'string') out.push(v);
      else template(v);
    }
  };
  template(s.Parameters);
  template(s.ItemSelector);
  template((s as { ItemReader?: { Parameters?: unknown } }).ItemReader?.Parameters);
  template((s as { ResultWriter?: { Parameters?: unknown } }).ResultWriter?.Parameters);
  if (s.ItemsPath) out.push(s.ItemsPath);
  for (const c of s.Choices ?? []) if (c.Variable) out.push(c.Variable);
  return out;
}

function templateKeys(template: Record<string, unknown>): Set<string> {
  return new Set(Object.keys(template).map((k) => k.replace(/\.\$$/, '')));
}

function withResult(input: Keys, resultPath: string | null | undefined, result: Keys): Keys {
  if (resultPath === null) return input;
  if (resultPath === undefined || resultPath === '$') return result;
  const key = rootKey(resultPath);
  if (input === 'unknown' || !key) return 'unknown';
  return new Set([...input, key]);
}

/**
 * Follows the keys of the state data from the execution input through every state (Lambda results from
 * HANDLER_OUTPUT_KEYS, Pass/ItemSelector templates, ResultPaths, Catch ResultPaths) and reports every
 * `$.key...` a state reads that no earlier state produced on some path into it.
 */
export function unproducedPaths(
  definition: Pick<Definition, 'StartAt' | 'States'>,
  inputKeys: ReadonlySet<string>,
  handlerOf: (resource: string) => string | undefined,
): PathProblem[] {
  const problems: PathProblem[] = [];
  const seen = new Map<string, string>();
  const visit = (states: Record<string, State>, name: string, keys: Keys): void => {
    const signature = `${name}:${keys === 'unknown' ? '?' : [...keys].sort().join(',')}`;
    if (seen.has(signature)) return;
    seen.set(signature, name);
    const s = states[name];
    if (!s) return void problems.push({ state: name, path: '(state does not exist)', available: [] });
    for (const path of pathsRead(s)) {
      const key = rootKey(path);
      if (key && keys !== 'unknown' && !keys.has(key)) problems.push({ state: name, path, available: [...keys].sort() });
    }
    const params = s.Parameters && s.Type !== 'Map' ? templateKeys(s.Parameters) : undefined;
    let result: Keys;
    if (s.Type === 'Task') {
      const entry = handlerOf(s.Resource ?? '');
      result = entry && HANDLER_OUTPUT_KEYS[entry] ? new Set(HANDLER_OUTPUT_KEYS[entry]) : 'unknown';
    } else if (s.Type === 'Pass') {
      result = params ?? keys;
    } else if (s.Type === 'Map') {
      if (s.ItemProcessor) {
        const itemKeys: Keys = s.ItemSelector ? templateKeys(s.ItemSelector) : 'unknown';
        visit(s.ItemProcessor.States, s.ItemProcessor.StartAt, itemKeys);
      }
      result = 'unknown';
    } else {
      result = keys;
    }
    const output = s.Type === 'Choice' || s.Type === 'Succeed' || s.Type === 'Fail' ? keys : withResult(keys, s.ResultPath, result);
    for (const c of s.Catch ?? []) visit(states, c.Next, withResult(keys, c.ResultPath, new Set(['Error', 'Cause'])));
    for (const c of s.Choices ?? []) visit(states, c.Next, keys);
    if (s.Default) visit(states, s.Default, keys);
    if (s.Next) visit(states, s.Next, output);
  };
  visit(definition.States, definition.StartAt, inputKeys);
  return problems;
}
