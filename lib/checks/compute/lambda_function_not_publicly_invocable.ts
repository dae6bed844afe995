import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachFunction } from './helpers/lambda-functions.js';
import { publicInvokeReason } from './helpers/lambda-policy.js';

export const check = defineCheck({
  id: 'lambda_function_not_publicly_invocable',
  title: 'Lambda functions cannot be invoked by anyone',
  service: 'lambda',
  reads: ['compute'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'critical',
  rationale:
    'A resource policy that lets Principal "*" (or any account) invoke a function without a source condition lets anyone on the internet run code that can reach ePHI; a service principal without aws:SourceArn/aws:SourceAccount lets any account\'s bucket, topic or API invoke it (confused deputy). Same semantics as Prowler awslambda_function_not_publicly_accessible and the Config rule lambda-function-public-access-prohibited (Security Hub Lambda.1). Read with lambda:GetPolicy per function: the policy exists nowhere else.',
  remediation:
    'aws lambda get-policy --function-name <name>; aws lambda remove-permission --function-name <name> --statement-id <sid>; re-grant with a source: aws lambda add-permission --function-name <name> --statement-id <sid> --action lambda:InvokeFunction --principal <service-or-account> --source-arn <arn> --source-account <account-id>',
  evaluate: (snapshot) =>
    eachFunction(snapshot, (fn, resource) =>
      withCollected(fn.policy, resource, (statements) => {
        if (statements === null) return [pass(resource, `Lambda function ${fn.name} has no resource-based policy`)];
        const reasons = statements.map(publicInvokeReason).filter((r): r is string => r !== null);
        return [
          reasons.length === 0
            ? pass(resource, `Lambda function ${fn.name} policy allows invocation only by named accounts or conditioned sources`)
            : fail(resource, `Lambda function ${fn.name} is publicly invocable: ${reasons.join('; ')}`),
        ];
      }),
    ),
});
