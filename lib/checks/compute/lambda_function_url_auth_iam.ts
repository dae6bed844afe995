import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachFunction } from './helpers/lambda-functions.js';

export const check = defineCheck({
  id: 'lambda_function_url_auth_iam',
  title: 'Lambda function URLs require IAM authentication',
  service: 'lambda',
  reads: ['compute'],
  citations: ['164.312(a)(1)', '164.312(d)', '164.312(e)(1)'],
  severity: 'high',
  rationale:
    'A function URL with AuthType NONE is a public HTTPS endpoint: anyone who learns it can call the function. Same semantics as Prowler awslambda_function_url_public. Functions without URLs are not judged. Read with lambda:ListFunctionUrlConfigs per function (covers the URLs of aliases too).',
  remediation:
    'aws lambda update-function-url-config --function-name <name> [--qualifier <alias>] --auth-type AWS_IAM (callers then sign requests with SigV4), or delete the URL with aws lambda delete-function-url-config --function-name <name>',
  evaluate: (snapshot) =>
    eachFunction(snapshot, (fn, resource) =>
      withCollected(fn.urls, resource, (urls) => {
        if (urls.length === 0) return [];
        const open = urls.filter((u) => u.authType !== 'AWS_IAM');
        return [
          open.length === 0
            ? pass(resource, `Lambda function ${fn.name}: all ${urls.length} function URL(s) require AWS_IAM auth`)
            : fail(resource, `Lambda function ${fn.name} has a function URL with auth type ${open.map((u) => `${u.authType} (${u.url})`).join(', ')}`),
        ];
      }),
    ),
});
