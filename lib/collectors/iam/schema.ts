import { z } from 'zod';

// Placeholder: the iam family defines its snapshot here.
export const IamSnapshotSchema = z.object({});
export type IamSnapshot = z.infer<typeof IamSnapshotSchema>;
