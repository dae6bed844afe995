import type { CheckDefinition } from '../types.js';
import { check as accessanalyzerRegionEnabled } from './accessanalyzer_region_enabled.js';
import { check as accessanalyzerNoActiveExternalFindings } from './accessanalyzer_no_active_external_findings.js';
import { check as artifactBaaAccepted } from './artifact_baa_accepted.js';

/** Who outside the account can reach in (Access Analyzer), and the BAA with AWS itself (Artifact). */
export const externalChecks: readonly CheckDefinition[] = [accessanalyzerRegionEnabled, accessanalyzerNoActiveExternalFindings, artifactBaaAccepted];
