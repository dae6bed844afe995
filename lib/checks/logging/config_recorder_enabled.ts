import type { ConfigRecorder, LoggingRegion } from '../../snapshot/logging.js';
import type { AccountSnapshot } from '../../snapshot/schema.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachRegion } from '../kit/regions.js';

const isRecording = (data: LoggingRegion, recorder: ConfigRecorder): boolean =>
  (data.configRecorderStatus.data ?? []).some((s) => s.name === recorder.name && s.recording);

/** Global resource types (IAM) need recording in one region only, so any region in scope suffices. */
function globalTypesRecordedSomewhere(snapshot: AccountSnapshot): boolean {
  return Object.values(snapshot.logging.regions).some((data) =>
    (data.configRecorders.data ?? []).some((r) => r.allSupported && r.includeGlobalResourceTypes && isRecording(data, r)),
  );
}

export const check = defineCheck({
  id: 'config_recorder_enabled',
  title: 'AWS Config records all resource types and is running',
  service: 'config',
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
        withCollected(data.configRecorderStatus, scope, () => {
          if (recorders.length === 0) return [fail(scope, `No AWS Config recorder in ${region}`)];
          const notes: string[] = [];
          for (const recorder of recorders) {
            if (!isRecording(data, recorder)) notes.push(`recorder ${recorder.name} is not recording`);
            else if (!recorder.allSupported) notes.push(`recorder ${recorder.name} records only ${recorder.resourceTypeCount} selected resource type(s)`);
            else if (!recorder.includeGlobalResourceTypes && !globalTypesRecordedSomewhere(snapshot)) {
              notes.push(`recorder ${recorder.name} excludes global resource types and no region in scope records them`);
            } else return [pass(scope, `AWS Config recorder ${recorder.name} in ${region} is recording all resource types`)];
          }
          return [fail(scope, `AWS Config in ${region} is not recording all resources: ${notes.join('; ')}`)];
        }),
      ),
    ),
});
