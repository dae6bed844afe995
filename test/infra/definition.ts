import type { Template } from 'aws-cdk-lib/assertions';

export interface State {
  Type: string;
  Next?: string;
  End?: boolean;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  Arguments?: unknown;
  ItemSelector?: Record<string, unknown>;
  ItemsPath?: string;
  ResultPath?: string | null;
  MaxConcurrency?: number;
  TimeoutSeconds?: number;
  Retry?: { ErrorEquals: string[]; IntervalSeconds?: number; MaxAttempts?: number; BackoffRate?: number }[];
  Catch?: { ErrorEquals: string[]; Next: string; ResultPath?: string | null }[];
  ItemProcessor?: { StartAt: string; States: Record<string, State> };
  Choices?: { Variable?: string; StringEquals?: string; Next: string }[];
  Default?: string;
}

export interface Definition {
  StartAt: string;
  States: Record<string, State>;
  TimeoutSeconds?: number;
}

/**
 * The state machine's DefinitionString is an Fn::Join of literal JSON and tokens (ARNs). Tokens only
 * occur inside JSON strings, so replacing each with a marker leaves parseable JSON.
 */
export function stateMachineDefinition(template: Template): Definition {
  const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  if (machines.length !== 1) throw new Error(`expected one state machine, found ${machines.length}`);
  const body = (machines[0] as { Properties: { DefinitionString: unknown } }).Properties.DefinitionString;
  if (typeof body === 'string') return JSON.parse(body) as Definition;
  const join = (body as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  return JSON.parse(join[1].map((part) => (typeof part === 'string' ? part : 'TOKEN')).join(join[0])) as Definition;
}

export function state(states: Record<string, State>, name: string): State {
  const s = states[name];
  if (!s) throw new Error(`no state ${name}; states: ${Object.keys(states).join(', ')}`);
  return s;
}

/** Every state, including those inside Map item processors, at any depth. */
export function allStates(states: Record<string, State>): State[] {
  return Object.values(states).flatMap((s) => [s, ...(s.ItemProcessor ? allStates(s.ItemProcessor.States) : [])]);
}
