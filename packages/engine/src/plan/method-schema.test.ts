import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METHODS } from '../methods/index';
import { methodSchema } from './method-schema';

const planSchema = JSON.parse(
  readFileSync(new URL('../../../../docs/plan.schema.json', import.meta.url), 'utf8'),
);

describe('the plan schema of the methods', () => {
  it('docs/plan.schema.json holds the schema the method files declare (else run npm run plan-schema)', () => {
    expect(planSchema.$defs.method).toEqual(methodSchema());
  });

  it('has one alternative per registered method, named by its kind', () => {
    const kinds = (methodSchema().oneOf as { properties: { kind: { const: string } } }[]).map(
      (o) => o.properties.kind.const,
    );
    expect(kinds).toEqual(Object.keys(METHODS));
    for (const [kind, def] of Object.entries(METHODS)) expect(def.kind).toBe(kind);
  });
});
