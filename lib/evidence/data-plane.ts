/**
 * API operations that read customer data (possibly ePHI) or secrets rather than configuration.
 * The auditor must never call them: evidence would then contain PHI and need PHI-grade handling.
 * Used by the evidence writer as a last line of defence and by a test that scans lib/collectors/.
 */
export const DATA_PLANE_OPERATIONS: readonly string[] = [
  // S3 object contents
  'GetObject',
  'GetObjectTorrent',
  'SelectObjectContent',
  // DynamoDB items
  'Scan',
  'Query',
  'GetItem',
  'BatchGetItem',
  'ExecuteStatement',
  'BatchExecuteStatement',
  'ExecuteTransaction',
  'TransactGetItems',
  'GetRecords',
  'GetShardIterator',
  // Secrets and parameters
  'GetSecretValue',
  'BatchGetSecretValue',
  'GetParameter',
  'GetParameters',
  'GetParametersByPath',
  'GetParameterHistory',
  // KMS data keys / ciphertext
  'Decrypt',
  'ReEncrypt',
  'GenerateDataKey',
  'GenerateDataKeyPair',
  // Message and log payloads
  'ReceiveMessage',
  'GetLogEvents',
  'FilterLogEvents',
  'StartQuery',
  'GetQueryResults',
  'StartLiveTail',
  'DownloadDBLogFilePortion',
];

const DATA_PLANE_SET = new Set(DATA_PLANE_OPERATIONS);

export function isDataPlaneOperation(operation: string): boolean {
  return DATA_PLANE_SET.has(operation.replace(/Command$/, ''));
}

/** Finds `<Operation>Command` identifiers in source text. Returns the command names found. */
export function findDataPlaneCommands(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/\b([A-Z][A-Za-z0-9]*)Command\b/g)) {
    const op = match[1];
    if (op !== undefined && DATA_PLANE_SET.has(op)) found.add(`${op}Command`);
  }
  return [...found].sort();
}
