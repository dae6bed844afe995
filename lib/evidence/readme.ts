import { bundleReportPath, BUNDLE_REPORTS_ROOT, EVIDENCE_ROOT } from './layout.js';

export interface ReadmeRun {
  accountId: string;
  runId: string;
  startedAt: string;
  objects: number;
}

/** The human entry point of a bundle: what is in it and how to check it without trusting us. */
export function renderReadme(runs: readonly ReadmeRun[], generatedAt: string): string {
  const runLines = runs.map(
    (r) => `- account ${r.accountId}, run \`${r.runId}\` (started ${r.startedAt}, ${r.objects} evidence objects): ${bundleReportPath(r.accountId, r.runId)}`,
  );
  return `# HIPAA technical-safeguard audit evidence bundle

Generated ${generatedAt} by hipaa-audit. Supports HIPAA 164.316(b)(1) (documentation) and
164.316(b)(2)(i) (retain 6 years). The evidence in the source bucket is kept under S3 Object Lock
(COMPLIANCE mode), so it cannot be changed or deleted during retention; this bundle lets you check
that independently, offline.

## Runs in this bundle

${runLines.join('\n')}

Start with a run's report: open \`${BUNDLE_REPORTS_ROOT}<account>/<run>/report.html\` in a browser (it works offline
and loads nothing from the network). It shows the run (accounts, regions, time, status, the effective
thresholds), the counts by HIPAA standard, every failure first by severity with its reason, citations and full
remediation, the passing results collapsed per check, what the run did not look at and the API calls that failed;
it filters by status, severity, standard and account. The report is not signed; \`hipaa-audit verify\` renders it
again from the run's signed findings.json and manifest and fails if it differs.

## Layout

    README.md                 this file (not signed)
    SUMMARY.md, summary.json  PASS/FAIL/ERROR/SUPPRESSED counts per HIPAA standard, derived from findings (not signed)
    ${BUNDLE_REPORTS_ROOT}<account>/<run>/report.html   the run's findings as one offline HTML page, derived from findings (not signed)
    ${EVIDENCE_ROOT}<account>/<run>/manifest.json    lists every object of the run with SHA-256, size, content type
    ${EVIDENCE_ROOT}<account>/<run>/manifest.sig     JSON: KMS key id, algorithm (ECDSA_SHA_256), base64 DER signature
    ${EVIDENCE_ROOT}<account>/<run>/public-key.pem   public half of the KMS signing key
    ${EVIDENCE_ROOT}<account>/<run>/findings.json.gz, findings.csv.gz   the run's findings (gzip; runs
                                                      sealed before 2026-11 hold findings.json, findings.csv)
    ${EVIDENCE_ROOT}<account>/<run>/scans/<unit>/<attempt>/raw.json.gz   raw AWS API responses of one scan
                                                      (configuration metadata only, never data or secrets);
                                                      raw.json.gz directly under the run for a single-process scan
    ${EVIDENCE_ROOT}<account>/<run>/[scans/<unit>/<attempt>/]raw/<service>/<region>/<operation>.json.gz
                                                      the same, one file per API operation, in runs sealed by
                                                      earlier versions

Each manifest records \`previousManifest.sha256\`: the SHA-256 of the same account's previous run's
manifest.json. The manifests form a hash chain, so removing, reordering or editing a run breaks the
next link. The first run in the bundle usually points to a run outside the bundle.

## Verify with the tool

    hipaa-audit verify bundle.zip --trusted-key signing-public-key.pem

It checks every hash, every signature, the chain, reports files that are extra or missing, and checks
that every run was signed by a key you pinned. The public key inside this bundle proves nothing on its
own: whoever edits a bundle can re-sign it with a key of their own and include that key. Pin the
signing key you obtained independently of the bundle, in one of three ways:

    --trusted-key FILE                 the PEM your organisation published (repeat it for a rotated key)
    --trusted-key-fingerprint SHA256   the fingerprint from the stack output SigningKeyFingerprint or the digest
    --kms-key-id ARN                   fetch the key from KMS (kms:GetPublicKey, e.g. with the auditor role)

Exit codes: 0 verified and signed by a pinned key; 1 the evidence fails (the failing file, run or link
is named); 2 usage error; 3 intact and self-consistent, but the signer is not pinned. If the runs of
one account are signed by different keys (a key rotation), verification fails unless both keys are pinned.

## Verify by hand (openssl, sha256sum, jq)

    unzip bundle.zip -d bundle && cd bundle/${EVIDENCE_ROOT}<account>/<run>

    # 1. The signature over manifest.json (ECDSA P-256 with SHA-256):
    jq -r .signature manifest.sig | base64 -d > manifest.sig.der
    openssl dgst -sha256 -verify public-key.pem -signature manifest.sig.der manifest.json

    # 2. The public key is the one your organisation's KMS key publishes (compare fingerprints;
    #    without this step the signature proves only that someone signed it):
    openssl pkey -pubin -in public-key.pem -outform DER | sha256sum     # = manifest.json .signing.publicKeySha256
    aws kms get-public-key --key-id <keyId from manifest.sig> --query PublicKey --output text | base64 -d | sha256sum

    # 3. Every object matches the manifest:
    jq -r '.entries[] | "\\(.sha256)  \\(.path)"' manifest.json | sha256sum -c

    # 4. The chain: the next run's manifest names this one's hash.
    sha256sum manifest.json    # = <next run>/manifest.json .previousManifest.sha256

Raw evidence files are gzip; the hash is over the stored (compressed) bytes. Each \`raw.json.gz\` holds
\`groups\`, one per service, region and API operation, with that operation's responses; its manifest entry's
\`contents\` lists the groups, so which calls a file holds can be read without unzipping it:

    jq '.entries[] | select(.kind == "raw-evidence") | {path, contents}' manifest.json
    zcat scans/<unit>/<attempt>/raw.json.gz | jq '.groups[] | select(.operation == "ListBuckets")'

Runs sealed by earlier versions hold one file per operation instead (\`raw/<service>/<region>/<operation>.json.gz\`,
named by \`service\`, \`region\` and \`operation\` on its manifest entry): \`zcat raw/.../X.json.gz | jq .\` to read.
`;
}
