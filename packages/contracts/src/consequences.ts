import { CONSEQUENCE_ACTIONS, CONSEQUENCE_KINDS } from '@jixiao/engine';
import { z } from 'zod';

/**
 * Use of results (结果运用, issue 11 points 5 and 7): the consequence lines of a year-end run and a
 * unit's archive (考核纪实档案) across released years. Lines travel as `{ rule, kind, code, params }`:
 * the web renders `code` with its params through i18n; the rule's name is the plan's.
 */

export const consequenceLine = z.object({
  /** The plan rule's code. */
  rule: z.string(),
  kind: z.enum(CONSEQUENCE_KINDS),
  code: z.enum(CONSEQUENCE_ACTIONS),
  /** The inputs that produced the line (years, ranks, totals, averages, quota arithmetic). */
  params: z.record(z.string(), z.unknown()),
});
export type ConsequenceLine = z.infer<typeof consequenceLine>;

export const consequenceRuleInfo = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(CONSEQUENCE_KINDS),
  ref: z.string().nullable(),
});
export type ConsequenceRuleInfo = z.infer<typeof consequenceRuleInfo>;

const gradeRef = z
  .object({ code: z.string(), name: z.string(), color: z.string(), downgraded: z.boolean() })
  .nullable();

/** A released year of the system the consequences read (its year-end run). */
export const archiveYear = z.object({
  year: z.number().int(),
  planId: z.number().int(),
  runId: z.number().int(),
});

/** GET /api/plans/:id/runs/:runId/consequences */
export const runConsequences = z.object({
  runId: z.number().int(),
  planId: z.number().int(),
  systemId: z.number().int(),
  period: z.string(),
  year: z.number().int(),
  status: z.string(),
  rules: z.array(consequenceRuleInfo),
  /** Earlier released years read by the consecutive-year rules, oldest first. */
  archive: z.array(archiveYear),
  units: z.array(
    z.object({
      unit: z.string(),
      unitId: z.number().int().nullable(),
      name: z.string(),
      group: z.string(),
      total: z.number(),
      rank: z.number().int(),
      grade: gradeRef,
      lines: z.array(consequenceLine),
    }),
  ),
});
export type RunConsequences = z.infer<typeof runConsequences>;

export const archiveUnitParams = z.strictObject({ code: z.string().min(1).max(64) });
/** The evaluation system (its id); default the unit's own. */
export const archiveUnitQuery = z.strictObject({ system: z.coerce.number().int().positive().optional() });

/** GET /api/archive/units/:code: a unit's released years (考核纪实档案, W5), oldest first. */
export const unitArchive = z.object({
  unit: z.string(),
  name: z.string(),
  systemId: z.number().int(),
  years: z.array(
    z.object({
      year: z.number().int(),
      planId: z.number().int(),
      runId: z.number().int(),
      group: z.string(),
      groupSize: z.number().int(),
      total: z.number(),
      rank: z.number().int(),
      grade: gradeRef,
      vetoed: z.boolean(),
      awards: z.array(z.string()),
      rules: z.array(consequenceRuleInfo),
      lines: z.array(consequenceLine),
    }),
  ),
});
export type UnitArchive = z.infer<typeof unitArchive>;
