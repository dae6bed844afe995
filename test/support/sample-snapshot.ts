import type { z } from 'zod';
import { SNAPSHOT_FAMILIES, type AccountSnapshot, type SnapshotFamily } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID } from './moto.js';

/**
 * Values generated from the snapshot's zod schemas, with every array holding one element and every
 * record one region key, so a check's loops run and reach whatever they read. Not meant to be realistic,
 * only to walk each check down its code paths; `variant` flips booleans, nulls and union branches so
 * both sides of simple conditions are taken. Not validated: refinements (e.g. formats) may not hold.
 */
export const SAMPLE_REGION = 'us-east-1';
export const SAMPLE_VARIANTS = 4;

// A policy document (the snapshot keeps them as unknown) that grants everything to everyone.
const SAMPLE_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };

interface ZodDefLike {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, string>;
  getter?: () => z.ZodType;
}

function defOf(schema: z.ZodType): ZodDefLike {
  return (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;
}

export function sampleOf(schema: z.ZodType, variant: number, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 40) throw new Error('sample schema too deep');
  const next = (inner: z.ZodType | undefined) => (inner ? sampleOf(inner, variant, depth + 1) : undefined);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, value]) => [key, next(value)]));
    case 'array':
      return [next(def.element)];
    case 'record':
      return { [SAMPLE_REGION]: next(def.valueType) };
    case 'union': {
      const options = def.options ?? [];
      // Variants 0 and 1 take the first branch (the collected data); 2 and 3 walk the others.
      return next(options[variant < 2 ? 0 : (variant - 1) % options.length]);
    }
    case 'optional':
    case 'default':
      return next(def.innerType);
    case 'nullable':
      return variant === 1 ? null : next(def.innerType);
    case 'pipe':
      return next(def.in);
    case 'lazy':
      return def.getter ? next(def.getter()) : undefined;
    case 'string':
      return variant % 2 === 0 ? 'arn:aws:s3:::sample' : '2020-01-01T00:00:00.000Z';
    case 'number':
      return variant % 2 === 0 ? 0 : 400;
    case 'boolean':
      return variant % 2 === 0;
    case 'literal':
      return def.values?.[0];
    case 'enum':
      return Object.values(def.entries ?? {})[variant % Object.keys(def.entries ?? { a: 1 }).length];
    case 'unknown':
    case 'any':
      return SAMPLE_POLICY;
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    default:
      throw new Error(`sampleOf: no sample for zod type ${def.type}`);
  }
}

/** The sample value of one snapshot family. */
export function sampleFamily<F extends SnapshotFamily>(family: F, variant: number): AccountSnapshot[F] {
  return sampleOf(SNAPSHOT_FAMILIES[family], variant) as AccountSnapshot[F];
}

export function sampleHeader(): Pick<AccountSnapshot, 'schemaVersion' | 'accountId' | 'partition' | 'regions' | 'includesGlobal' | 'collectedAt'> {
  return { schemaVersion: 1, accountId: MOTO_ACCOUNT_ID, partition: 'aws', regions: [SAMPLE_REGION], includesGlobal: true, collectedAt: '2026-01-01T00:00:00.000Z' };
}
