import type { Finding } from '../model/finding.js';
import type { FindingState } from '../model/finding-state.js';
import type { FindingStatus } from '../model/status.js';
import type { Suppression } from '../model/suppressions.js';
import type { Transition } from '../model/transitions.js';
import type { ScanRun } from '../model/run.js';
import type { RunOpenCounts } from './run-counts.js';

export interface RecordRunResult {
  run: ScanRun;
  transitions: Transition[];
  /** False when this run had already been stored (idempotent re-store: nothing changed). */
  written: boolean;
}

export interface FindingsQuery {
  accountId?: string;
  statuses?: readonly FindingStatus[];
}

/** Persistence of runs, current finding state and transition history. DynamoDB is the real adapter. */
export interface FindingsStore {
  recordRun(run: ScanRun, findings: readonly Finding[]): Promise<RecordRunResult>;
  getRun(runId: string): Promise<ScanRun | undefined>;
  /** Newest first. */
  listRuns(query?: { accountId?: string; from?: string; to?: string; limit?: number }): Promise<ScanRun[]>;
  currentFindings(query?: FindingsQuery): Promise<FindingState[]>;
  /** Transitions recorded after `since` (ISO date), oldest first. */
  transitionsSince(since: string, query?: { accountId?: string }): Promise<Transition[]>;
  /** Runs started in [from, to] with what each left open per account (for the digest's trend), oldest first. */
  runOpenCounts(query: { from: string; to: string }): Promise<RunOpenCounts[]>;
}

export interface SuppressionStore {
  create(suppression: Omit<Suppression, 'id' | 'createdAt'>): Promise<Suppression>;
  list(query?: { includeRevoked?: boolean }): Promise<Suppression[]>;
  revoke(id: string, at: string): Promise<Suppression>;
}
