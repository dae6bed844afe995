import type { CollectContext } from '../../collect/context.js';
import type { StorageSnapshot } from './schema.js';

export async function collectStorage(_ctx: CollectContext): Promise<StorageSnapshot> {
  return {};
}
