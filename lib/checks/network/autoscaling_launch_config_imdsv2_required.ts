import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { describeImds, imdsRefusesV1 } from './helpers/imds.js';
import { networkResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'autoscaling_launch_config_imdsv2_required',
  title: 'Auto Scaling launch configurations require IMDSv2',
  service: 'autoscaling',
  reads: ['network'],
  citations: ['164.312(a)(1)'],
  severity: 'medium',
  rationale:
    "Instances launched from a configuration that does not require IMDSv2 answer IMDSv1, exposing the instance role's " +
    'credentials to server-side request forgery (see ec2_instance_imdsv2_required). Same semantics as AWS Config ' +
    'autoscaling-launchconfig-requires-imdsv2 (HttpTokens must be required); a configuration with the endpoint disabled passes.',
  remediation:
    'Launch configurations cannot be changed: create a launch template with MetadataOptions HttpTokens=required and switch the ' +
    'group to it (aws autoscaling update-auto-scaling-group --auto-scaling-group-name <asg> --launch-template ' +
    "LaunchTemplateId=<lt-id>,Version='$Default'), then delete the configuration.",
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.network.regions, (r) => r.launchConfigurations, 'launch configurations', (config, region) => {
      const resource = networkResource(snapshot, region, 'AWS::AutoScaling::LaunchConfiguration', config.name, config.arn);
      const setting = describeImds(config.httpTokens, config.httpEndpoint);
      return [
        imdsRefusesV1(config.httpTokens, config.httpEndpoint)
          ? pass(resource, `Launch configuration ${config.name} has ${setting}`)
          : fail(resource, `Launch configuration ${config.name} does not require IMDSv2 (${setting})`),
      ];
    }),
});
