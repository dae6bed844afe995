import type { CheckDefinition } from '../types.js';
import { check as launchConfigImdsv2 } from './autoscaling_launch_config_imdsv2_required.js';
import { check as launchConfigNoPublicIp } from './autoscaling_launch_config_no_public_ip.js';
import { check as amiNotPublic } from './ec2_ami_not_public.js';
import { check as ebsSnapshotEncrypted } from './ec2_ebs_snapshot_encrypted.js';
import { check as instanceDetailedMonitoring } from './ec2_instance_detailed_monitoring.js';
import { check as instanceImdsv2 } from './ec2_instance_imdsv2_required.js';
import { check as instanceManagedBySsm } from './ec2_instance_managed_by_ssm.js';
import { check as instanceNoPublicIp } from './ec2_instance_no_public_ip.js';
import { check as instanceNotStoppedLong } from './ec2_instance_not_stopped_long.js';
import { check as instanceProfileAttached } from './ec2_instance_profile_attached.js';
import { check as launchTemplateImdsv2 } from './ec2_launch_template_imdsv2_required.js';
import { check as launchTemplateNoPublicIp } from './ec2_launch_template_no_public_ip.js';
import { check as naclNoPublicAdmin } from './ec2_network_acl_no_public_admin_ports.js';
import { check as sgNoPublicAdmin } from './ec2_security_group_no_public_admin_ports.js';
import { check as sgNoPublicAllTraffic } from './ec2_security_group_no_public_all_traffic.js';
import { check as sgNoPublicDataStore } from './ec2_security_group_no_public_data_store_ports.js';
import { check as subnetNoAutoPublicIp } from './ec2_subnet_no_auto_public_ip.js';
import { check as defaultSgClosed } from './ec2_vpc_default_security_group_closed.js';

/** VPC network exposure and EC2 compute: security groups, ACLs, subnets, instances, images, launch settings. */
export const networkChecks: readonly CheckDefinition[] = [
  sgNoPublicAdmin,
  sgNoPublicAllTraffic,
  sgNoPublicDataStore,
  defaultSgClosed,
  naclNoPublicAdmin,
  subnetNoAutoPublicIp,
  instanceImdsv2,
  instanceNoPublicIp,
  instanceProfileAttached,
  instanceNotStoppedLong,
  instanceManagedBySsm,
  instanceDetailedMonitoring,
  amiNotPublic,
  ebsSnapshotEncrypted,
  launchTemplateNoPublicIp,
  launchTemplateImdsv2,
  launchConfigNoPublicIp,
  launchConfigImdsv2,
];
