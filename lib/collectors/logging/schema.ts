import { z } from 'zod';

// Placeholder: the logging family defines its snapshot here.
export const LoggingSnapshotSchema = z.object({});
export type LoggingSnapshot = z.infer<typeof LoggingSnapshotSchema>;
