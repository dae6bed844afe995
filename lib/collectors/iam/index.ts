import type { CollectContext } from '../../collect/context.js';
import type { IamSnapshot } from './schema.js';

export async function collectIam(_ctx: CollectContext): Promise<IamSnapshot> {
  return {};
}
