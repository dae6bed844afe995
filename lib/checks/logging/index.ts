import type { CheckDefinition } from '../types.js';

export const loggingChecks: readonly CheckDefinition[] = [];
