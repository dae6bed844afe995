import type { TrustedKey } from './trust.js';
import type { BundleSigner, FailureLog, VerifiedRun } from './verify-report.js';

/**
 * Who signed each run, against the keys the auditor pinned. A run signed by any other key fails,
 * naming the run and the key found; so does a key change inside one account's chain unless both keys
 * are pinned (a rotation is a fact the auditor must confirm, not something a bundle can assert).
 * Without pinned keys the signatures prove only that the bundle is self-consistent: said in a note.
 */
export function verifySigners(runs: readonly VerifiedRun[], trusted: readonly TrustedKey[], log: FailureLog): BundleSigner[] {
  const pins = new Map(trusted.map((key) => [key.sha256, key]));
  const signers = new Map<string, BundleSigner>();
  for (const run of runs) {
    const fingerprint = run.publicKeySha256;
    if (!fingerprint) continue; // its signature failed, already reported
    const pin = pins.get(fingerprint);
    const signer = signers.get(fingerprint) ?? { sha256: fingerprint, runs: 0, ...(pin ? { pinnedBy: pin.source } : {}) };
    signer.runs += 1;
    signers.set(fingerprint, signer);
    if (pins.size === 0) continue;
    const subject = `${run.accountId}/${run.runId}`;
    if (pin) {
      log.add({ status: 'ok', kind: 'signer', subject, message: `signed by pinned key ${fingerprint} (${pin.source})` });
    } else {
      log.add({
        status: 'fail',
        kind: 'signer',
        subject,
        message: `signed by key ${fingerprint}, which is not a pinned key (${[...pins.keys()].join(', ')}): anyone can re-sign a bundle with their own key, so this run's evidence cannot be attributed to your organisation. If the key was rotated, pin the new key too.`,
      });
    }
  }
  reportKeyChanges(runs, pins, log);
  if (pins.size === 0 && signers.size > 0) {
    log.add({
      status: 'note',
      kind: 'signer',
      subject: [...signers.keys()].join(', '),
      message: 'the signatures are self-consistent, but the signer is not pinned: a bundle re-signed by anyone with their own key would look the same',
    });
  }
  return [...signers.values()];
}

function reportKeyChanges(runs: readonly VerifiedRun[], pins: ReadonlyMap<string, TrustedKey>, log: FailureLog): void {
  const byAccount = new Map<string, VerifiedRun[]>();
  for (const run of runs) if (run.publicKeySha256) byAccount.set(run.accountId, [...(byAccount.get(run.accountId) ?? []), run]);
  for (const list of byAccount.values()) {
    list.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.runId.localeCompare(b.runId));
    for (let i = 1; i < list.length; i += 1) {
      const before = list[i - 1];
      const after = list[i];
      if (!before?.publicKeySha256 || !after?.publicKeySha256 || before.publicKeySha256 === after.publicKeySha256) continue;
      const change = `the signing key changed between runs ${before.runId} (${before.publicKeySha256}) and ${after.runId} (${after.publicKeySha256}) of account ${after.accountId}`;
      if (pins.has(before.publicKeySha256) && pins.has(after.publicKeySha256)) {
        log.add({ status: 'note', kind: 'signer', subject: `${after.accountId}/${after.runId}`, message: `${change}; both keys are pinned` });
      } else {
        log.add({ status: 'fail', kind: 'signer', subject: `${after.accountId}/${after.runId}`, message: `${change}; a key change is accepted only when both keys are pinned` });
      }
    }
  }
}
