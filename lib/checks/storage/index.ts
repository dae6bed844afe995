import type { CheckDefinition } from '../types.js';

export const storageChecks: readonly CheckDefinition[] = [];
