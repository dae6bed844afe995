import type { CheckDefinition } from '../types.js';

export const iamChecks: readonly CheckDefinition[] = [];
