/**
 * CloudWatch Logs filter patterns, parsed and evaluated against log events, so that "does this metric
 * filter catch security-group changes?" is answered by running the filter on a security-group change
 * event rather than by looking for keywords in its text. Supported, as CloudWatch Logs documents them:
 *
 * - JSON patterns `{ <expr> }`: comparisons `$.a.b = value`, `!=`, `<`, `<=`, `>`, `>=` on strings
 *   (quoted or bare, `*` as a wildcard) and numbers; `$.a IS NULL`, `IS TRUE`, `IS FALSE`, `NOT EXISTS`;
 *   `&&`, `||` (`&&` binds tighter) and parentheses; array elements `$.a[0]`; regular expressions `%re%`.
 * - Term patterns: `ERROR "two words"` (every term), `?ERROR ?WARN` (any term), `-DEBUG` (excluded term),
 *   matched against the whole event text, and the empty pattern (every event).
 *
 * Space-delimited patterns (`[ip, user, ...]`) do not apply to CloudTrail's JSON events and parse to
 * `undefined`, which callers treat as "catches nothing": a filter we cannot understand never passes a check.
 */
export type FilterPattern =
  | { kind: 'json'; expr: JsonExpr }
  | { kind: 'terms'; all: string[]; any: string[]; none: string[] };

type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';
type JsonExpr =
  | { op: 'and'; left: JsonExpr; right: JsonExpr }
  | { op: 'or'; left: JsonExpr; right: JsonExpr }
  | { op: 'compare'; path: (string | number)[]; comparison: Comparison; value: string | number | RegExp }
  | { op: 'is'; path: (string | number)[]; test: 'NULL' | 'TRUE' | 'FALSE' | 'NOT EXISTS' };

export function parseFilterPattern(raw: string): FilterPattern | undefined {
  const text = raw.trim();
  if (text.startsWith('[')) return undefined;
  if (!text.startsWith('{')) return parseTerms(text);
  try {
    const parser = new JsonPatternParser(tokenize(text));
    parser.expect('{');
    const expr = parser.parseOr();
    parser.expect('}');
    parser.expectEnd();
    return { kind: 'json', expr };
  } catch {
    return undefined;
  }
}

/** Does the pattern select `event` (a parsed JSON log event, e.g. a CloudTrail record)? */
export function filterMatches(pattern: FilterPattern, event: unknown): boolean {
  if (pattern.kind === 'terms') {
    const text = JSON.stringify(event);
    return (
      pattern.all.every((t) => text.includes(t)) &&
      (pattern.any.length === 0 || pattern.any.some((t) => text.includes(t))) &&
      pattern.none.every((t) => !text.includes(t))
    );
  }
  return evaluate(pattern.expr, event);
}

function parseTerms(text: string): FilterPattern | undefined {
  const all: string[] = [];
  const any: string[] = [];
  const none: string[] = [];
  for (const m of text.matchAll(/([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)) {
    const term = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    (m[1] === '?' ? any : m[1] === '-' ? none : all).push(term);
  }
  return { kind: 'terms', all, any, none };
}

type Token = { type: 'punct'; value: string } | { type: 'string'; value: string } | { type: 'word'; value: string } | { type: 'regex'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i += 1;
    } else if (text.startsWith('&&', i) || text.startsWith('||', i) || text.startsWith('!=', i) || text.startsWith('<=', i) || text.startsWith('>=', i)) {
      tokens.push({ type: 'punct', value: text.slice(i, i + 2) });
      i += 2;
    } else if ('{}()=<>'.includes(c)) {
      tokens.push({ type: 'punct', value: c });
      i += 1;
    } else if (c === '"') {
      let value = '';
      i += 1;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i += 1;
        value += text[i] ?? '';
        i += 1;
      }
      if (text[i] !== '"') throw new Error('unterminated string');
      tokens.push({ type: 'string', value });
      i += 1;
    } else if (c === '%') {
      const end = text.indexOf('%', i + 1);
      if (end < 0) throw new Error('unterminated regular expression');
      tokens.push({ type: 'regex', value: text.slice(i + 1, end) });
      i = end + 1;
    } else {
      const m = /^[^\s{}()=<>!&|"%]+/.exec(text.slice(i));
      if (!m) throw new Error(`unexpected ${c}`);
      tokens.push({ type: 'word', value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

class JsonPatternParser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }
  private next(): Token {
    const t = this.tokens[this.at];
    if (!t) throw new Error('unexpected end of pattern');
    this.at += 1;
    return t;
  }
  private isPunct(value: string): boolean {
    const t = this.peek();
    return t?.type === 'punct' && t.value === value;
  }
  expect(value: string): void {
    const t = this.next();
    if (t.type !== 'punct' || t.value !== value) throw new Error(`expected ${value}`);
  }
  expectEnd(): void {
    if (this.at !== this.tokens.length) throw new Error('trailing tokens');
  }

  parseOr(): JsonExpr {
    let left = this.parseAnd();
    while (this.isPunct('||')) {
      this.next();
      left = { op: 'or', left, right: this.parseAnd() };
    }
    return left;
  }
  private parseAnd(): JsonExpr {
    let left = this.parseUnary();
    while (this.isPunct('&&')) {
      this.next();
      left = { op: 'and', left, right: this.parseUnary() };
    }
    return left;
  }
  private parseUnary(): JsonExpr {
    if (this.isPunct('(')) {
      this.next();
      const inner = this.parseOr();
      this.expect(')');
      return inner;
    }
    const selector = this.next();
    if (selector.type !== 'word' || !selector.value.startsWith('$.')) throw new Error('expected a $. selector');
    const path = parseSelector(selector.value);
    const t = this.next();
    if (t.type === 'word' && t.value.toUpperCase() === 'IS') {
      const what = this.next().value.toUpperCase();
      if (what !== 'NULL' && what !== 'TRUE' && what !== 'FALSE') throw new Error('expected NULL, TRUE or FALSE');
      return { op: 'is', path, test: what };
    }
    if (t.type === 'word' && t.value.toUpperCase() === 'NOT') {
      if (this.next().value.toUpperCase() !== 'EXISTS') throw new Error('expected EXISTS');
      return { op: 'is', path, test: 'NOT EXISTS' };
    }
    if (t.type !== 'punct' || !['=', '!=', '<', '<=', '>', '>='].includes(t.value)) throw new Error('expected a comparison');
    const v = this.next();
    if (v.type === 'punct') throw new Error('expected a value');
    const value = v.type === 'regex' ? new RegExp(v.value) : v.type === 'word' && /^-?\d+(\.\d+)?$/.test(v.value) ? Number(v.value) : v.value;
    return { op: 'compare', path, comparison: t.value as Comparison, value };
  }
}

function parseSelector(selector: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const m of selector.slice(2).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) path.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
  return path;
}

function lookup(event: unknown, path: readonly (string | number)[]): { found: boolean; value: unknown } {
  let node: unknown = event;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in (node as Record<string | number, unknown>))) return { found: false, value: undefined };
    node = (node as Record<string | number, unknown>)[key];
  }
  return { found: true, value: node };
}

function evaluate(expr: JsonExpr, event: unknown): boolean {
  if (expr.op === 'and' || expr.op === 'or') {
    return expr.op === 'and' ? evaluate(expr.left, event) && evaluate(expr.right, event) : evaluate(expr.left, event) || evaluate(expr.right, event);
  }
  const { found, value } = lookup(event, expr.path);
  if (expr.op === 'is') {
    if (expr.test === 'NOT EXISTS') return !found;
    if (expr.test === 'NULL') return found && value === null;
    return found && value === (expr.test === 'TRUE');
  }
  // A comparison on a field the event does not have selects nothing, for `!=` as for `=`.
  if (!found || value === null || typeof value === 'object') return false;
  if (expr.value instanceof RegExp) {
    const hit = expr.value.test(String(value));
    return expr.comparison === '!=' ? !hit : expr.comparison === '=' && hit;
  }
  if (typeof expr.value === 'number' && expr.comparison !== '=' && expr.comparison !== '!=') {
    const n = Number(value);
    if (Number.isNaN(n)) return false;
    return { '<': n < expr.value, '<=': n <= expr.value, '>': n > expr.value, '>=': n >= expr.value }[expr.comparison];
  }
  const equal = typeof expr.value === 'number' ? Number(value) === expr.value : wildcardEquals(expr.value, String(value));
  return expr.comparison === '=' ? equal : expr.comparison === '!=' ? !equal : false;
}

/** `*` matches any run of characters; linear time (no backtracking). */
function wildcardEquals(pattern: string, value: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === value;
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (!value.startsWith(first) || !value.endsWith(last) || value.length < first.length + last.length) return false;
  let at = first.length;
  const end = value.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = value.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}
