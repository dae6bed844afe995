import type { z } from 'zod';
import type { ConfigRecorder, ConfigRecorderStatusSchema } from '../../snapshot/logging.js';
import type { AccountSnapshot } from '../../snapshot/schema.js';
import { errorResult, fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachRegion } from '../kit/regions.js';

type ConfigRecorderStatus = z.infer<typeof ConfigRecorderStatusSchema>;

const isRecording = (statuses: readonly ConfigRecorderStatus[], recorder: ConfigRecorder): boolean =>
  statuses.some((s) => s.name === recorder.name && s.recording);

/**
 * Global resource types (IAM) need recording in one region only, so any region in scope suffices.
 * 'unknown' when no readable region records them and some region's recorders could not be read.
 */
function globalTypesRecordedSomewhere(snapshot: AccountSnapshot): boolean | 'unknown' {
  let unknown = false;
  for (const data of Object.values(snapshot.logging.regions)) {
    if (data.configRecorders.error || data.configRecorderStatus.error) {
      unknown = true;
      continue;
    }
    const statuses = data.configRecorderStatus.data;
    if (data.configRecorders.data.some((r) => r.allSupported && r.includeGlobalResourceTypes && isRecording(statuses, r))) return true;
  }
  return unknown ? 'unknown' : false;
}

export const check = defineCheck({
  id: 'config_recorder_enabled',
  title: 'AWS Config records all resource types and is running',
  service: 'config',
  reads: ['logging'],
  citations: ['164.308(a)(1)(ii)(D)', '164.312(b)'],
  severity: 'medium',
  rationale:
    'The configuration history is the record of how systems holding ePHI were set up and changed; ' +
    'a recorder that is stopped or limited to some types leaves gaps in it.',
  remediation:
    'aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=<role-arn> ' +
    '--recording-group allSupported=true,includeGlobalResourceTypes=true && aws configservice start-configuration-recorder ' +
    '--configuration-recorder-name default (Console: AWS Config > Settings > Edit > Record all resource types).',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.logging.regions, (region, data, scope) =>
      withCollected(data.configRecorders, scope, (recorders) =>
        withCollected(data.configRecorderStatus, scope, (statuses) => {
          if (recorders.length === 0) return [fail(scope, `No AWS Config recorder in ${region}`)];
          const notes: string[] = [];
          let globalUnknown = false;
          for (const recorder of recorders) {
            if (!isRecording(statuses, recorder)) notes.push(`recorder ${recorder.name} is not recording`);
            else if (!recorder.allSupported) notes.push(`recorder ${recorder.name} records only ${recorder.resourceTypeCount} selected resource type(s)`);
            else if (!recorder.includeGlobalResourceTypes) {
              const elsewhere = globalTypesRecordedSomewhere(snapshot);
              if (elsewhere === true) return [pass(scope, `AWS Config recorder ${recorder.name} in ${region} is recording all resource types (global types recorded in another region)`)];
              if (elsewhere === 'unknown') globalUnknown = true;
              notes.push(`recorder ${recorder.name} excludes global resource types and no region in scope records them`);
            } else return [pass(scope, `AWS Config recorder ${recorder.name} in ${region} is recording all resource types`)];
          }
          if (globalUnknown) {
            return [errorResult(scope, `Could not assess AWS Config in ${region}: recorders in ${region} exclude global resource types and another region's recorders could not be read`)];
          }
          return [fail(scope, `AWS Config in ${region} is not recording all resources: ${notes.join('; ')}`)];
        }),
      ),
    ),
});
