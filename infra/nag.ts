import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * Our own infrastructure is held to the bar we audit others against. cdk-nag v3 runs as a CDK policy
 * validation plugin: violations fail `cdk synth` and land in cdk.out/validation-report.json;
 * acknowledgements (Validations.of(x).acknowledge) are written into the template metadata too.
 */
export function applyNagPacks(app: IConstruct): void {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
    new HIPAASecurityChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
  );
}
