import { METHODS } from '../methods/index';
import type { JsonSchema } from '../methods/types';

/**
 * The plan JSON Schema's `$defs.method`, built from the registry: one alternative per method, from
 * the `schema` in its file. docs/plan.schema.json holds a copy (`npm run plan-schema` rewrites it;
 * a test fails when it is stale), so a new method needs no hand edit there.
 */
export function methodSchema(): JsonSchema {
  return {
    type: 'object',
    required: ['kind'],
    oneOf: Object.entries(METHODS).map(([kind, { schema }]) => ({
      ...(schema.required ? { required: schema.required } : {}),
      properties: { kind: { const: kind }, ...schema.properties },
      additionalProperties: false,
    })),
  };
}

/** A plan schema with its `$defs.method` replaced by the registry's. */
export function withMethodSchema<T extends { $defs: Record<string, unknown> }>(planSchema: T): T {
  return { ...planSchema, $defs: { ...planSchema.$defs, method: methodSchema() } };
}
