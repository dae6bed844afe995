import { z } from 'zod';

// Placeholder: the storage family defines its snapshot here.
export const StorageSnapshotSchema = z.object({});
export type StorageSnapshot = z.infer<typeof StorageSnapshotSchema>;
