import type { CollectContext } from '../../collect/context.js';
import type { LoggingSnapshot } from './schema.js';

export async function collectLogging(_ctx: CollectContext): Promise<LoggingSnapshot> {
  return {};
}
