import type { VirtualMfaDevice } from '../../snapshot/iam.js';
import { defineCheck } from '../types.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { account } from './helpers/resources.js';

/** A virtual device belongs to root when IAM named it for root or assigned it to the root ARN. */
function isRootVirtualDevice(device: VirtualMfaDevice, rootArn: string): boolean {
  return device.serialNumber.endsWith(':mfa/root-account-mfa-device') || device.userArn === rootArn;
}

export const check = defineCheck({
  id: 'iam_root_hardware_mfa_enabled',
  title: 'Root user uses a hardware MFA device',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(d)'],
  severity: 'high',
  rationale:
    'A virtual MFA seed lives on a phone or laptop that can be lost or cloned; a dedicated hardware key kept in a safe gives stronger assurance for the most privileged identity.',
  remediation:
    'As the root user, open IAM > Security credentials > Assign MFA device, choose "Passkey or security key" or "Hardware TOTP token", then remove the virtual device.',
  evaluate(snapshot) {
    const acct = account(snapshot);
    const rootArn = `arn:${snapshot.partition}:iam::${snapshot.accountId}:root`;
    return withCollected(snapshot.iam.accountSummary, acct, (summary) =>
      withCollected(snapshot.iam.virtualMfaDevices, acct, (devices) => {
        if (!summary.accountMfaEnabled) {
          return [fail(acct, `Root user of account ${snapshot.accountId} has no MFA device at all`)];
        }
        const virtual = devices.find((d) => isRootVirtualDevice(d, rootArn));
        return [
          virtual
            ? fail(acct, `Root user of account ${snapshot.accountId} uses virtual MFA device ${virtual.serialNumber}`)
            : pass(acct, `Root user of account ${snapshot.accountId} uses a non-virtual (hardware) MFA device`),
        ];
      }),
    );
  },
});
