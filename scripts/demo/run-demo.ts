import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { buildBundle } from '../../lib/evidence/bundle.js';
import { MAX_FINDINGS_JSON_BYTES, parseFindingsFile } from '../../lib/evidence/findings-file.js';
import { FINDINGS_JSON_GZ_FILE, runPrefix } from '../../lib/evidence/layout.js';
import { getObjectBytes } from '../../lib/evidence/s3-objects.js';
import { fetchPublicKey } from '../../lib/evidence/signing.js';
import { trustedKeyFromPem } from '../../lib/evidence/trust.js';
import { verifyBundle } from '../../lib/evidence/verify.js';
import type { VerifyOutcome } from '../../lib/evidence/verify-report.js';
import type { Finding } from '../../lib/model/finding.js';
import { randomUUID } from 'node:crypto';
import { S3WorkStore } from '../../lib/evidence/work-store.js';
import {
  finalizeRun, loadPipelineEnv, recordAccount, resolveTargets, scanTarget, sealAccount, sendScheduledDigest, type PipelineEnv,
} from '../../lib/pipeline/index.js';
import { TREND_CONTENT_ID } from '../../lib/digest/render-email.js';
import { findingsToCsv } from '../../lib/report/csv.js';
import { createDynamoStores } from '../../lib/store/dynamodb/index.js';
import type { Transition } from '../../lib/model/transitions.js';
import { applyClinicFixes, DEMO_CLINIC, seedClinicAccount } from './clinic-account.js';
import { startMotoProxy, type MotoProxy } from './moto-proxy.js';
import { motoClients, startMoto, type MotoServer } from './moto-server.js';
import { flattenParts, readSentEmails, type SentEmail } from './sent-mail.js';
import { answerUnemulatedServices } from './unemulated-services.js';
import { localPipelineEnv, provisionPipelineResources } from './provision.js';

/** moto gives every emulated account this id unless told otherwise; the audit account gets its own. */
export const CLINIC_ACCOUNT_ID = '123456789012';
export const AUDIT_ACCOUNT_ID = '111122223333';

export interface DemoResult {
  outputDir: string;
  runs: { runId: string; status: string; counts: Record<string, number> }[];
  transitions: Transition[];
  findings: Finding[];
  /** ok: verified with the demo's signing key pinned (`outcome` verified). */
  bundle: { path: string; ok: boolean; outcome: VerifyOutcome; failures: number; runs: number; signingKeySha256: string };
  digest: { sent: boolean; subject: string; email?: SentEmail; htmlPath: string; textPath: string };
  files: Record<string, string>;
}

export type DemoLog = (line: string) => void;

/**
 * The whole product on emulated AWS: two moto servers stand for the clinic's workload account and the
 * security team's audit account. Runs the same pipeline functions the Lambdas run.
 */
export async function runDemo(options: { outputDir: string; log?: DemoLog; register?: (server: MotoServer) => void }): Promise<DemoResult> {
  const log = options.log ?? (() => undefined);
  const servers: MotoServer[] = [];
  const clientFactories: AwsClientFactory[] = [];
  let clinicEndpoint: MotoProxy | undefined;
  try {
    log('Starting two moto servers (clinic workload account, audit account)...');
    const [clinic, audit] = await Promise.all([startMoto(), startMoto({ MOTO_ACCOUNT_ID: AUDIT_ACCOUNT_ID })]);
    for (const server of [clinic, audit]) {
      servers.push(server);
      options.register?.(server);
    }
    // The scans reach the clinic through a proxy that stands in for Access Analyzer and Artifact (not in moto).
    clinicEndpoint = await startMotoProxy(clinic.url, answerUnemulatedServices);
    const clinicClients = motoClients(clinic);
    const auditClients = motoClients(audit);
    clientFactories.push(clinicClients, auditClients);
    const region = DEMO_CLINIC.region;

    log('Seeding the "Demo Clinic" account (IAM, CloudTrail, S3, KMS, EBS, RDS, DynamoDB, VPC)...');
    await seedClinicAccount(clinicClients, region);
    log('Creating the pipeline resources (findings table, Object Lock evidence bucket, signing key, SES sender)...');
    const resources = await provisionPipelineResources(auditClients, region, { senderEmail: 'hipaa-audit@demo-clinic.example' });
    const env = loadPipelineEnv({
      ...localPipelineEnv({
        resources, region, auditEndpoint: audit.url, targetEndpoint: clinicEndpoint.url, targetAccounts: [CLINIC_ACCOUNT_ID],
        officerEmails: [DEMO_CLINIC.officerEmail], organizationName: 'Demo Clinic',
      }),
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    });

    const runs: DemoResult['runs'] = [];
    const stores = createDynamoStores({ clients: auditClients, region, tableName: env.TABLE_NAME });
    log('Scan 1 of 2...');
    runs.push(await runPipelineOnce(env, log, auditClients));
    log('First weekly digest to the officer...');
    const firstDigest = await sendScheduledDigest(env, {});
    const firstDigestAt = new Date().toISOString();

    log('The officer accepts one risk (documented, with an expiry) ...');
    await stores.suppressions.create({
      accountId: CLINIC_ACCOUNT_ID,
      checkId: 's3_bucket_object_lock_enabled',
      resourcePattern: `arn:aws:s3:::${DEMO_CLINIC.trailBucket}`,
      reason: 'CloudTrail log file validation detects tampering; Object Lock migration scheduled for next quarter (CHG-1042).',
      approvedBy: 'Demo Clinic Security Officer',
      expiresAt: new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10),
    });
    log('The clinic fixes some findings (password policy, session length, security contact, EBS default encryption, log retention) and creates a new bucket...');
    await applyClinicFixes(clinicClients, region);
    log('Scan 2 of 2...');
    const second = await runPipelineOnce(env, log, auditClients);
    runs.push(second);

    const transitions = await stores.findings.transitionsSince('1970-01-01T00:00:00.000Z');
    const s3 = auditClients.get(S3Client, region);
    const findings = parseFindingsFile(
      FINDINGS_JSON_GZ_FILE,
      await getObjectBytes(s3, env.EVIDENCE_BUCKET, runPrefix(CLINIC_ACCOUNT_ID, second.runId) + FINDINGS_JSON_GZ_FILE),
      MAX_FINDINGS_JSON_BYTES,
    );

    await mkdir(options.outputDir, { recursive: true });
    const files: Record<string, string> = {
      findingsJson: join(options.outputDir, 'findings.json'),
      findingsCsv: join(options.outputDir, 'findings.csv'),
      transitions: join(options.outputDir, 'transitions.json'),
      bundle: join(options.outputDir, 'evidence-bundle.zip'),
      signingPublicKey: join(options.outputDir, 'signing-public-key.pem'),
      digestHtml: join(options.outputDir, 'digest.html'),
      digestText: join(options.outputDir, 'digest.txt'),
    };
    await writeFile(files.findingsJson!, JSON.stringify(findings, null, 2) + '\n');
    await writeFile(files.findingsCsv!, findingsToCsv(findings));
    await writeFile(files.transitions!, JSON.stringify(transitions, null, 2) + '\n');

    log('Building the evidence bundle for both runs and verifying it offline...');
    const output = createWriteStream(files.bundle!);
    await buildBundle({ clients: auditClients, region, bucket: env.EVIDENCE_BUCKET, runIds: runs.map((r) => r.runId), output });
    await finished(output);
    // What the organisation hands its auditor, independently of any bundle: the signing key's public half.
    const signingKey = await fetchPublicKey(auditClients.get(KMSClient, region), env.SIGNING_KEY_ID);
    await writeFile(files.signingPublicKey!, signingKey.pem);
    const report = await verifyBundle(files.bundle!, { trustedKeys: [trustedKeyFromPem(signingKey.pem, files.signingPublicKey!)] });

    log('Second digest (changes since the first) through SES, read back from the emulator...');
    const digest = await sendScheduledDigest(env, { from: firstDigestAt });
    if (!firstDigest.sent) throw new Error('The first digest was not sent.');
    const sent = await readSentEmails(audit.url);
    const email = sent.find((m) => m.subject === digest.subject);
    // What was sent: the HTML and text parts of the MIME message moto recorded. The inline chart is
    // written next to it and the HTML's cid: reference pointed at that file, so it opens in a browser.
    const parts = email?.mime ? flattenParts(email.mime) : [];
    const chart = parts.find((p) => (p.headers['content-type'] ?? '').startsWith('image/png'));
    const textPart = parts.find((p) => (p.headers['content-type'] ?? '').startsWith('text/plain'));
    if (chart) {
      files.trendPng = join(options.outputDir, 'trend.png');
      await writeFile(files.trendPng, chart.body);
    }
    const sentHtml = email?.html ?? digest.html;
    await writeFile(files.digestHtml!, chart ? sentHtml.replaceAll(`cid:${TREND_CONTENT_ID}`, 'trend.png') : sentHtml);
    await writeFile(files.digestText!, `Subject: ${digest.subject}\n\n${textPart?.body.toString('utf8') ?? digest.text}`);

    return {
      outputDir: options.outputDir,
      runs,
      transitions,
      findings,
      bundle: {
        path: files.bundle!, ok: report.outcome === 'verified', outcome: report.outcome, failures: report.failures.length,
        runs: report.runs.length, signingKeySha256: signingKey.sha256,
      },
      digest: {
        sent: digest.sent, subject: digest.subject, htmlPath: files.digestHtml!, textPath: files.digestText!,
        ...(email ? { email } : {}),
      },
      files,
    };
  } finally {
    for (const clients of clientFactories) clients.destroy();
    await clinicEndpoint?.close();
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** The state machine's steps in order, one account and one region at a time (the deployed Map runs them in parallel). */
async function runPipelineOnce(env: PipelineEnv, log: DemoLog, clients: AwsClientFactory): Promise<DemoResult['runs'][number]> {
  const executionId = `demo-${randomUUID()}`;
  const { runId, startedAt } = await resolveTargets(env, { executionId, startedAt: new Date().toISOString() });
  const targets = await new S3WorkStore({ clients, region: env.AWS_REGION, bucket: env.WORK_BUCKET }).readTargetList(runId);
  for (const target of targets) {
    const scans = [];
    for (const unit of target.units) scans.push(await scanTarget(env, { runId, target: unit }));
    const sealed = await sealAccount(env, { runId, startedAt, accountId: target.accountId, scans });
    await recordAccount(env, { runId, startedAt, accountId: target.accountId });
    log(`  ${target.accountId}: ${sealed.status}, ${sealed.counts.FAIL ?? 0} FAIL / ${sealed.counts.PASS ?? 0} PASS / ${sealed.counts.ERROR ?? 0} ERROR`);
  }
  const result = await finalizeRun(env, { runId, startedAt, executionId });
  log(`  run ${result.runId}: ${result.status}`);
  return result;
}
