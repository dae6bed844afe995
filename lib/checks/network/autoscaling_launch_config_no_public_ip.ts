import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { networkResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'autoscaling_launch_config_no_public_ip',
  title: 'Auto Scaling launch configurations do not assign public IP addresses',
  service: 'autoscaling',
  reads: ['network'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'medium',
  rationale:
    'Every instance an Auto Scaling group launches from a configuration with AssociatePublicIpAddress gets an internet-routable ' +
    'address. Same semantics as AWS Config autoscaling-launch-config-public-ip-disabled (FAIL when the flag is true); every ' +
    'launch configuration is assessed, in use by a group or not, since any group can start using it.',
  remediation:
    'Launch configurations cannot be changed: create a launch template without a public IP and switch the group to it ' +
    '(aws autoscaling update-auto-scaling-group --auto-scaling-group-name <asg> --launch-template LaunchTemplateId=<lt-id>,Version=\'$Default\'), ' +
    'then aws autoscaling delete-launch-configuration --launch-configuration-name <name>',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.network.regions, (r) => r.launchConfigurations, 'launch configurations', (config, region) => {
      const resource = networkResource(snapshot, region, 'AWS::AutoScaling::LaunchConfiguration', config.name, config.arn);
      return [
        config.associatePublicIpAddress === true
          ? fail(resource, `Launch configuration ${config.name} associates a public IP address with every instance`)
          : pass(resource, `Launch configuration ${config.name} associates no public IP address`),
      ];
    }),
});
