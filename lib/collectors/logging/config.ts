import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import { mapCollected } from '../../snapshot/collected.js';
import { attempt, type CollectContext } from '../../collect/context.js';
import type { LoggingRegion } from '../../snapshot/logging.js';

type ConfigParts = Pick<LoggingRegion, 'configRecorders' | 'configRecorderStatus' | 'deliveryChannels'>;

export async function collectConfig(ctx: CollectContext, region: string): Promise<ConfigParts> {
  const client = ctx.clients.get(ConfigServiceClient, region);
  const call = (operation: string) => ({ service: 'config', region, operation });
  const [recorders, statuses, channels] = await Promise.all([
    attempt(ctx, call('DescribeConfigurationRecorders'), () =>
      client.send(new DescribeConfigurationRecordersCommand({})),
    ),
    attempt(ctx, call('DescribeConfigurationRecorderStatus'), () =>
      client.send(new DescribeConfigurationRecorderStatusCommand({})),
    ),
    attempt(ctx, call('DescribeDeliveryChannels'), () => client.send(new DescribeDeliveryChannelsCommand({}))),
  ]);
  return {
    configRecorders: mapCollected(recorders, (d) =>
      (d.ConfigurationRecorders ?? []).map((r) => ({
        name: r.name ?? '',
        allSupported: r.recordingGroup?.allSupported === true,
        includeGlobalResourceTypes: r.recordingGroup?.includeGlobalResourceTypes === true,
        resourceTypeCount: r.recordingGroup?.resourceTypes?.length ?? 0,
      })),
    ),
    configRecorderStatus: mapCollected(statuses, (d) =>
      (d.ConfigurationRecordersStatus ?? []).map((s) => ({
        name: s.name ?? '',
        recording: s.recording === true,
        ...(s.lastStatus ? { lastStatus: s.lastStatus } : {}),
      })),
    ),
    deliveryChannels: mapCollected(channels, (d) =>
      (d.DeliveryChannels ?? []).map((c) => ({
        name: c.name ?? '',
        ...(c.s3BucketName ? { s3BucketName: c.s3BucketName } : {}),
      })),
    ),
  };
}
