import { fail, notApplicable, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachFunction } from './helpers/lambda-functions.js';
import { LAMBDA_RUNTIME_DEPRECATION, LAMBDA_RUNTIME_TABLE_DATE } from './helpers/lambda-runtimes.js';

export const check = defineCheck({
  id: 'lambda_function_runtime_supported',
  title: 'Lambda functions run on a runtime AWS still supports',
  service: 'lambda',
  reads: ['compute'],
  citations: ['164.308(a)(1)(ii)(B)', '164.308(a)(5)(ii)(B)'],
  severity: 'medium',
  rationale:
    'After its deprecation date a runtime gets no security patches: known vulnerabilities in the language runtime and OS stay open in code that handles ePHI. Same semantics as Prowler awslambda_function_using_supported_runtimes and the Config rule lambda-function-settings-check (runtime), with dates from AWS\'s runtime table kept in one data file. Container-image functions carry their own runtime and are not judged.',
  remediation:
    'Update the code for a supported runtime, then aws lambda update-function-configuration --function-name <name> --runtime <supported-runtime, e.g. nodejs22.x or python3.13>',
  evaluate: (snapshot, now) =>
    eachFunction(snapshot, (fn, resource) => {
      if (fn.runtime === null) {
        return [notApplicable(resource, `Lambda function ${fn.name} is a ${fn.packageType} function without a managed runtime`)];
      }
      const deprecation = LAMBDA_RUNTIME_DEPRECATION[fn.runtime];
      if (deprecation === undefined) {
        return [pass(resource, `Lambda function ${fn.name} runtime ${fn.runtime} is not in AWS's deprecation table (as of ${LAMBDA_RUNTIME_TABLE_DATE})`)];
      }
      return [
        new Date(`${deprecation}T00:00:00Z`) <= now
          ? fail(resource, `Lambda function ${fn.name} runs ${fn.runtime}, deprecated by AWS on ${deprecation}`)
          : pass(resource, `Lambda function ${fn.name} runs ${fn.runtime}, supported until ${deprecation}`),
      ];
    }),
});
