import { z } from 'zod';
import { IamSnapshotSchema } from './iam.js';
import { LoggingSnapshotSchema } from './logging.js';
import { StorageSnapshotSchema } from './storage.js';

/**
 * Everything the checks read about one account (and the regions in scope), validated with zod after
 * collection. Families own their part; global parts are absent in targets that do not include them.
 */
export const AccountSnapshotSchema = z.object({
  schemaVersion: z.literal(1),
  accountId: z.string().regex(/^\d{12}$/),
  partition: z.string(),
  regions: z.array(z.string()),
  includesGlobal: z.boolean(),
  collectedAt: z.string(),
  iam: IamSnapshotSchema,
  logging: LoggingSnapshotSchema,
  storage: StorageSnapshotSchema,
});
export type AccountSnapshot = z.infer<typeof AccountSnapshotSchema>;
