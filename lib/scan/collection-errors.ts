import { CollectionErrorSchema, type CollectionError } from '../model/collection-error.js';

/** Walks a snapshot and lists every part whose collection failed, with the path where it sits. */
export function findCollectionErrors(snapshot: unknown): (CollectionError & { path: string; region?: string })[] {
  const found: (CollectionError & { path: string; region?: string })[] = [];
  const visit = (node: unknown, path: string[], region: string | undefined): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...path, String(i)], region));
      return;
    }
    const record = node as Record<string, unknown>;
    if ('error' in record && record.error) {
      const parsed = CollectionErrorSchema.safeParse(record.error);
      if (parsed.success) {
        found.push({ ...parsed.data, path: path.join('.'), ...(region ? { region } : {}) });
        return;
      }
    }
    const inRegions = path[path.length - 1] === 'regions';
    for (const [key, value] of Object.entries(record)) {
      visit(value, [...path, key], inRegions ? key : region);
    }
  };
  visit(snapshot, [], undefined);
  return found;
}
