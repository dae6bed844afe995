import { fail, notApplicable, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { globMatches } from './helpers/glob.js';
import { eachFunction } from './helpers/lambda-functions.js';

export const check = defineCheck({
  id: 'lambda_function_in_vpc',
  title: 'Lambda functions required to run in a VPC do',
  service: 'lambda',
  reads: ['compute'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'medium',
  rationale:
    'A function attached to a VPC reaches ePHI stores over private networking under security groups and flow logs. Many functions have no reason to be in a VPC, so unlike Prowler awslambda_function_inside_vpc (every function) this check fails only functions whose names match the lambdaVpcRequiredFunctions threshold (glob patterns; ["*"] gives Prowler\'s semantics); others outside a VPC are reported as NOT_APPLICABLE.',
  remediation:
    'aws lambda update-function-configuration --function-name <name> --vpc-config SubnetIds=<private-subnet-1>,<private-subnet-2>,SecurityGroupIds=<sg-id> (the execution role needs AWSLambdaVPCAccessExecutionRole)',
  evaluate: (snapshot, _now, thresholds) =>
    eachFunction(snapshot, (fn, resource) => {
      if (fn.vpcId) return [pass(resource, `Lambda function ${fn.name} runs in VPC ${fn.vpcId}`)];
      const rule = thresholds.lambdaVpcRequiredFunctions.find((pattern) => globMatches(pattern, fn.name));
      return [
        rule === undefined
          ? notApplicable(resource, `Lambda function ${fn.name} is not attached to a VPC and lambdaVpcRequiredFunctions does not require it`)
          : fail(resource, `Lambda function ${fn.name} is not attached to a VPC, required by lambdaVpcRequiredFunctions pattern ${rule}`),
      ];
    }),
});
