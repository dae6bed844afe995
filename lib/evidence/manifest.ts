import { z } from 'zod';
import { ScanRunSchema } from '../model/run.js';

export const MANIFEST_KIND = 'hipaa-audit-evidence-manifest';
export const SIGNATURE_KIND = 'hipaa-audit-manifest-signature';
export const SIGNING_ALGORITHM = 'ECDSA_SHA_256';

export const ENTRY_KINDS = ['raw-evidence', 'findings-json', 'findings-csv'] as const;

/** One operation's responses inside a raw evidence object, as its manifest entry lists them. */
export const RawEvidenceGroupSchema = z.object({
  service: z.string(),
  region: z.string(),
  operation: z.string(),
  /** Number of API responses (pages, or calls about different targets) of this operation. */
  records: z.number().int().nonnegative(),
});
export type RawEvidenceGroup = z.infer<typeof RawEvidenceGroupSchema>;

/**
 * One stored object of a run. `path` is relative to the run's prefix so the manifest is portable.
 *
 * Raw evidence comes in two layouts (lib/evidence/layout.ts): one object per scan (`raw.json.gz`), whose entry
 * lists the operations it holds in `contents` and their total in `records`; and, in runs sealed by earlier
 * versions, one object per service/region/operation, whose entry names them in `service`, `region`,
 * `operation` and `records`. `contents` is optional and new, so every manifest sealed before still parses
 * and the schema stays at version 1: the change is purely additive.
 */
export const ManifestEntrySchema = z.object({
  path: z.string().min(1),
  /** SHA-256 of the bytes as stored (the gzip bytes for raw evidence), lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  contentType: z.string(),
  contentEncoding: z.string().optional(),
  kind: z.enum(ENTRY_KINDS),
  description: z.string(),
  /** Earlier layout only: the one service, region and operation of a raw evidence object. */
  service: z.string().optional(),
  region: z.string().optional(),
  operation: z.string().optional(),
  /** Number of API responses (pages) in a raw evidence object, all its operations together. */
  records: z.number().int().nonnegative().optional(),
  /** What a raw evidence object holds, in its order: which API calls, without inflating it. */
  contents: z.array(RawEvidenceGroupSchema).optional(),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const PreviousManifestSchema = z.object({
  runId: z.string(),
  startedAt: z.string(),
  key: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PreviousManifest = z.infer<typeof PreviousManifestSchema>;

export const ManifestSchema = z.object({
  kind: z.literal(MANIFEST_KIND),
  /** Still 1: later additions (the raw evidence entries' optional `contents`) are optional fields. */
  schemaVersion: z.literal(1),
  accountId: z.string(),
  runId: z.string(),
  startedAt: z.string(),
  /** Run summary (status, counts, collection errors) as recorded by the scan. */
  run: ScanRunSchema,
  /** Hash chain: the previous run's manifest for this account; null for the account's first run. */
  previousManifest: PreviousManifestSchema.nullable(),
  signing: z.object({
    keyId: z.string(),
    signingAlgorithm: z.literal(SIGNING_ALGORITHM),
    /** SHA-256 of the DER SPKI public key, binding the signed manifest to the published key. */
    publicKeySha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  entries: z.array(ManifestEntrySchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Contents of manifest.sig. */
export const SignatureEnvelopeSchema = z.object({
  kind: z.literal(SIGNATURE_KIND),
  keyId: z.string(),
  signingAlgorithm: z.literal(SIGNING_ALGORITHM),
  /** How KMS was asked to sign; either way the signature verifies as ECDSA-SHA256 over manifest.json. */
  messageType: z.enum(['RAW', 'DIGEST']),
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Base64 of the DER-encoded ECDSA signature exactly as KMS returned it. */
  signature: z.string().min(1),
});
export type SignatureEnvelope = z.infer<typeof SignatureEnvelopeSchema>;

/** Contents of an `evidence/<account>/chain/...` index object. */
export const ChainIndexEntrySchema = z.object({
  accountId: z.string(),
  runId: z.string(),
  startedAt: z.string(),
  manifestKey: z.string(),
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ChainIndexEntry = z.infer<typeof ChainIndexEntrySchema>;
