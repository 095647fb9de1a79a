import { z } from 'zod';

/** Two runs of one plan and period side by side (engine `compareResults`). */

const standing = z.object({
  total: z.number(),
  rank: z.number(),
  placement: z.number(),
  grade: z.string().nullable(),
});

export const indicatorChange = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['component', 'indicator', 'sub_item']),
  before: z.number().nullable(),
  after: z.number().nullable(),
  delta: z.number().nullable(),
});

export const compareUnit = z.object({
  unit: z.string(),
  name: z.string(),
  group: z.string(),
  before: standing.nullable(),
  after: standing.nullable(),
  totalDelta: z.number(),
  /** Places gained in the group (positive moved up). */
  rankDelta: z.number(),
  indicators: z.array(indicatorChange),
  bonus: z.object({ before: z.number(), after: z.number() }),
  deductions: z.object({ before: z.number(), after: z.number() }),
  vetoes: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  changed: z.boolean(),
});
export type CompareUnit = z.infer<typeof compareUnit>;

export const runComparison = z.object({
  planId: z.number().int(),
  period: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  units: z.array(compareUnit),
  summary: z.object({
    up: z.number().int(),
    down: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
  }),
});
export type RunComparison = z.infer<typeof runComparison>;

export const compareQuery = z.strictObject({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});
