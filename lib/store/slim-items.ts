import { CHECKS } from '../checks/registry.js';
import type { CheckDefinition } from '../checks/types.js';
import type { Finding } from '../model/finding.js';
import type { Item } from './table-design.js';

/**
 * STATE and TRANSITION items do not repeat what the check catalog says: a finding's title, citations and
 * remediation are the same for every resource of a check (lib/checks/evaluate.ts toFinding), and they are
 * most of its bytes. They are left out when they equal the catalog's and filled back in from it on read; the
 * reason, per resource, is always kept. Items written before (with the texts) read as they are. The item's
 * `key` is its sort key without the entity prefix, so it is not stored twice either.
 */
const CATALOG: ReadonlyMap<string, CheckDefinition> = new Map(CHECKS.map((check) => [check.id, check]));

/** Stands in for the texts of a check no longer in this version's catalog, so its history still reads. */
const RETIRED = (checkId: string) => `(check ${checkId} is not in this version's check catalog)`;

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The finding as stored: without the catalog texts that equal the catalog's. */
export function slimFinding(finding: Finding): Item {
  const check = CATALOG.get(finding.checkId);
  if (!check) return { ...finding };
  const { title, citations, remediation, ...rest } = finding;
  return {
    ...rest,
    ...(title === check.title ? {} : { title }),
    ...(sameList(citations, check.citations) ? {} : { citations }),
    ...(remediation === check.remediation ? {} : { remediation }),
  };
}

function hydrateFinding(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored;
  const f = stored as Record<string, unknown>;
  if (typeof f.checkId !== 'string' || ('title' in f && 'citations' in f && 'remediation' in f)) return stored;
  const check = CATALOG.get(f.checkId);
  return {
    title: check?.title ?? f.checkId,
    citations: check ? [...check.citations] : [RETIRED(f.checkId)],
    remediation: check?.remediation ?? RETIRED(f.checkId),
    ...f,
  };
}

/** What a slim (or older, full) STATE or TRANSITION item reads as before its schema validates it. */
export function hydrateItem(item: Item, skPrefix: string): Item {
  const sk = typeof item.SK === 'string' ? item.SK : '';
  return {
    ...item,
    ...(item.key === undefined && sk.startsWith(skPrefix) ? { key: sk.slice(skPrefix.length) } : {}),
    finding: hydrateFinding(item.finding),
  };
}
