import { CHECKS } from '../checks/registry.js';
import type { CheckDefinition } from '../checks/types.js';
import type { Finding } from '../model/finding.js';
import type { FindingState } from '../model/finding-state.js';
import type { FindingStatus } from '../model/status.js';
import type { Transition } from '../model/transitions.js';
import type { Item } from './table-design.js';

/**
 * STATE and TRANSITION items do not repeat what the reader can restore exactly. An account run reads all of
 * an account's states (billed per 4 KB), so their bytes are money. Left out, and filled back in on read:
 * - a finding's title, citations and remediation when they equal the check catalog's: the same for every
 *   resource of a check (lib/checks/evaluate.ts toFinding) and most of its bytes. The reason, per resource,
 *   is always kept;
 * - the item's `key`: its sort key holds it. The finding's `checkId` and its resource's `accountId`,
 *   `region` and `arn` when they equal what that key says (`<accountId>#<region>#<checkId>#<arn>`);
 * - the finding's `status` when it equals its state's `status` (STATE) or the status it moved to (`to`,
 *   TRANSITION);
 * - a state's `firstSeenAt` and `lastSeenAt` when they equal its `lastChangedAt`, and `gone` and
 *   `everResolved` when false (the schema's default).
 * Each is left out only when it equals what restores it, and restored only when absent. Every restored field
 * is required by its schema (or defaulted), so no item written before, with everything inline, lacks one:
 * those read as they are. Attribute names stay as they are, so the table still reads for an operator.
 */
const CATALOG: ReadonlyMap<string, CheckDefinition> = new Map(CHECKS.map((check) => [check.id, check]));

/** Stands in for the texts of a check no longer in this version's catalog, so its history still reads. */
const RETIRED = (checkId: string) => `(check ${checkId} is not in this version's check catalog)`;

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a finding key (lib/model/finding.ts findingKey) says about its finding. */
export interface FindingKeyFields {
  accountId: string;
  region: string;
  checkId: string;
  arn: string;
}

/**
 * The fields of `<accountId>#<region>#<checkId>#<arn>`: the first three '#'-separated parts, then the rest
 * (an ARN may itself contain '#'). Undefined when the key has fewer than four parts. A field that itself
 * contains '#' parses wrong, which is why slimming compares each field with this parse before leaving it out.
 */
export function fieldsFromFindingKey(key: string): FindingKeyFields | undefined {
  const parts = key.split('#');
  if (parts.length < 4) return undefined;
  const [accountId = '', region = '', checkId = ''] = parts;
  return { accountId, region, checkId, arn: parts.slice(3).join('#') };
}

/** What the item around a finding restores: its finding key, and the status the finding has. */
export interface FindingContext {
  key?: string;
  status?: FindingStatus;
}

/**
 * The finding as stored: without what equals the catalog's texts, and (given its item's context) without
 * what equals the key's fields or the item's status. Without a context only the catalog texts are left out.
 */
export function slimFinding(finding: Finding, context: FindingContext = {}): Item {
  const fromKey = context.key === undefined ? undefined : fieldsFromFindingKey(context.key);
  const { checkId, status, resource, title, citations, remediation, ...rest } = finding;
  const { accountId, region, arn, ...resourceRest } = resource;
  const check = CATALOG.get(checkId);
  return {
    ...(fromKey?.checkId === checkId ? {} : { checkId }),
    ...(context.status === status ? {} : { status }),
    resource: {
      ...resourceRest,
      ...(fromKey?.accountId === accountId ? {} : { accountId }),
      ...(fromKey?.region === region ? {} : { region }),
      ...(fromKey?.arn === arn ? {} : { arn }),
    },
    ...(check && title === check.title ? {} : { title }),
    ...(check && sameList(citations, check.citations) ? {} : { citations }),
    ...(check && remediation === check.remediation ? {} : { remediation }),
    ...rest,
  };
}

/** Sets `name` to `value` only where it is absent (undefined): a present value, even an invalid one, is what was stored. */
function fill(target: Record<string, unknown>, name: string, value: unknown): void {
  if (target[name] === undefined) target[name] = value;
}

/** The stored finding with what its context and the catalog restore filled back in (absent fields only). */
export function hydrateFinding(stored: unknown, context: { key?: string; status?: unknown }): unknown {
  if (!isRecord(stored)) return stored;
  const fromKey = context.key === undefined ? undefined : fieldsFromFindingKey(context.key);
  const f: Record<string, unknown> = { ...stored };
  if (fromKey) {
    fill(f, 'checkId', fromKey.checkId);
    if (isRecord(f.resource)) {
      const resource = { ...f.resource };
      fill(resource, 'accountId', fromKey.accountId);
      fill(resource, 'region', fromKey.region);
      fill(resource, 'arn', fromKey.arn);
      f.resource = resource;
    }
  }
  if (context.status !== undefined) fill(f, 'status', context.status);
  if (typeof f.checkId === 'string') {
    const check = CATALOG.get(f.checkId);
    fill(f, 'title', check?.title ?? f.checkId);
    fill(f, 'citations', check ? [...check.citations] : [RETIRED(f.checkId)]);
    fill(f, 'remediation', check?.remediation ?? RETIRED(f.checkId));
  }
  return f;
}

/** A state's attributes as stored, without its key (the sort key holds it): see the rules above. */
export function slimState(state: FindingState): Item {
  const { key, finding, firstSeenAt, lastSeenAt, gone, everResolved, ...rest } = state;
  return {
    ...rest,
    ...(firstSeenAt === state.lastChangedAt ? {} : { firstSeenAt }),
    ...(lastSeenAt === state.lastChangedAt ? {} : { lastSeenAt }),
    ...(gone ? { gone } : {}),
    ...(everResolved ? { everResolved } : {}),
    finding: slimFinding(finding, { key, status: state.status }),
  };
}

/** A transition's attributes as stored, without its key (the sort key holds it): see the rules above. */
export function slimTransition(transition: Transition): Item {
  const { key, finding, ...rest } = transition;
  return { ...rest, finding: slimFinding(finding, { key, ...(transition.to ? { status: transition.to } : {}) }) };
}

/** Where a STATE or TRANSITION item's finding key comes from when it has no `key` attribute. */
export type FindingKeyOf = (item: Item) => string | undefined;

/**
 * The finding key as the rest of the sort key after `prefix`: a fixed one (`STATE#`), or one built from the
 * item's own attributes (e.g. a sort key `TRANS#<at>#<runId>#<findingKey>` with `at` and `runId` stored).
 */
export function findingKeyAfter(prefix: string | ((item: Item) => string)): FindingKeyOf {
  return (item) => {
    const sk = item.SK;
    const before = typeof prefix === 'string' ? prefix : prefix(item);
    return typeof sk === 'string' && sk.startsWith(before) ? sk.slice(before.length) : undefined;
  };
}

/**
 * What a slim (or older, full) STATE or TRANSITION item reads as before its schema validates it. The finding
 * key is the item's `key` attribute when it has one (older items), else `findingKeyOf(item)`; a string is
 * the sort key prefix before it. The finding's status is its state's `status`, or its transition's `to`.
 */
export function hydrateItem(item: Item, findingKeyOf: string | FindingKeyOf): Item {
  const keyOf = typeof findingKeyOf === 'string' ? findingKeyAfter(findingKeyOf) : findingKeyOf;
  const key = typeof item.key === 'string' ? item.key : keyOf(item);
  const hydrated: Item = { ...item };
  if (key !== undefined) fill(hydrated, 'key', key);
  // Only STATE items have lastChangedAt; their firstSeenAt and lastSeenAt were left out when equal to it.
  if (item.lastChangedAt !== undefined) {
    fill(hydrated, 'firstSeenAt', item.lastChangedAt);
    fill(hydrated, 'lastSeenAt', item.lastChangedAt);
  }
  hydrated.finding = hydrateFinding(item.finding, { ...(key !== undefined ? { key } : {}), status: item.status ?? item.to });
  return hydrated;
}
