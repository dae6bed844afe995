import { eachRegion } from '../kit/regions.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';

const SCAN_TYPES = [
  ['ec2', 'EC2'],
  ['ecr', 'ECR'],
  ['lambda', 'Lambda'],
] as const;

export const check = defineCheck({
  id: 'inspector2_scanning_enabled',
  title: 'Amazon Inspector scans EC2, ECR and Lambda in every region',
  service: 'inspector2',
  reads: ['logging'],
  citations: ['164.308(a)(1)(ii)(A)', '164.308(a)(1)(ii)(B)', '164.308(a)(5)(ii)(B)'],
  severity: 'medium',
  rationale:
    'Amazon Inspector continuously scans instances, container images and Lambda functions for known vulnerabilities: ' +
    'the technical vulnerability input to the risk analysis and risk management, and protection from malicious software. ' +
    'The 2025 proposed HIPAA Security Rule would require vulnerability scanning at least every six months. Prowler ' +
    'inspector2_is_enabled passes an account with Inspector off when it has no resources of a type; we require all three ' +
    'scan types enabled in every scanned region, because the first instance or function is scanned only if the scan is already on.',
  remediation: 'aws inspector2 enable --resource-types EC2 ECR LAMBDA --region <region> (Console: Amazon Inspector > Activate), in every region.',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.logging.regions, (region, data, scope) =>
      withCollected(data.inspector, scope, (status) => {
        const off = SCAN_TYPES.filter(([key]) => status[key] !== 'ENABLED').map(([key, label]) => `${label} ${status[key] ?? 'not reported'}`);
        if (off.length === 0) return [pass(scope, `Amazon Inspector scans EC2, ECR and Lambda in ${region}`)];
        return [fail(scope, `Amazon Inspector in ${region} (account ${status.state}) does not scan everything: ${off.join(', ')}`)];
      }),
    ),
});
