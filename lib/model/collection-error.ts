import { z } from 'zod';

/** Why a piece of configuration could not be read. Never turned into "not configured". */
export const CollectionErrorSchema = z.object({
  /** AWS error code (AccessDeniedException, ThrottlingException, ...) or a local code (Timeout, ValidationError). */
  code: z.string(),
  message: z.string(),
  /** `service:Operation` that failed, e.g. `iam:GetAccountPasswordPolicy`. */
  operation: z.string(),
});
export type CollectionError = z.infer<typeof CollectionErrorSchema>;
