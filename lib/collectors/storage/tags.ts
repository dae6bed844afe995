/** `[{ Key, Value }]` (EC2, EFS, RDS, DynamoDB, S3 all use this shape) -> tag key -> value. */
export function tagRecord(tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).flatMap((t) => (t.Key ? [[t.Key, t.Value ?? '']] : [])));
}
