import { z } from 'zod';
import { ComputeSnapshotSchema } from './compute.js';
import { EdgeSnapshotSchema } from './edge.js';
import { DataSnapshotSchema } from './data.js';
import { ExternalSnapshotSchema } from './external.js';
import { IamSnapshotSchema } from './iam.js';
import { InventorySnapshotSchema } from './inventory.js';
import { LoggingSnapshotSchema } from './logging.js';
import { NetworkSnapshotSchema } from './network.js';
import { StorageSnapshotSchema } from './storage.js';

/**
 * Everything the checks read about one account (and the regions in scope), validated with zod after
 * collection. Families own their part; global parts are absent in targets that do not include them.
 */
/**
 * One entry per snapshot family: the part of the snapshot that one collector (lib/collectors/<family>)
 * fills and the checks of lib/checks/<family> read. Adding a family is one line here and one in
 * lib/collectors/registry.ts.
 */
export const SNAPSHOT_FAMILIES = {
  iam: IamSnapshotSchema,
  logging: LoggingSnapshotSchema,
  storage: StorageSnapshotSchema,
  external: ExternalSnapshotSchema,
  data: DataSnapshotSchema,
  network: NetworkSnapshotSchema,
  edge: EdgeSnapshotSchema,
  compute: ComputeSnapshotSchema,
  inventory: InventorySnapshotSchema,
} as const;
export type SnapshotFamily = keyof typeof SNAPSHOT_FAMILIES;

export const AccountSnapshotSchema = z.object({
  schemaVersion: z.literal(1),
  accountId: z.string().regex(/^\d{12}$/),
  partition: z.string(),
  regions: z.array(z.string()),
  includesGlobal: z.boolean(),
  collectedAt: z.string(),
  ...SNAPSHOT_FAMILIES,
});
export type AccountSnapshot = z.infer<typeof AccountSnapshotSchema>;
