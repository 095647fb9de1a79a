import { z } from 'zod';

/**
 * Groups of response fields that many resources share, spread into their `z.object` shapes so each
 * group is written (and documented) once.
 */

type Stamp<V extends string, At extends z.ZodType> = { [K in `${V}At`]: At } & {
  [K in `${V}By`]: z.ZodNullable<z.ZodString>;
};

/** Who took a step and when: `<verb>At` (ISO time) and `<verb>By` (display name; null for the system). */
export function stamp<V extends string>(verb: V): Stamp<V, z.ZodString> {
  return { [`${verb}At`]: z.string(), [`${verb}By`]: z.string().nullable() } as Stamp<V, z.ZodString>;
}

/** The same for a step that may not have been taken yet: both null until it is. */
export function stampOrNull<V extends string>(verb: V): Stamp<V, z.ZodNullable<z.ZodString>> {
  return { [`${verb}At`]: z.string().nullable(), [`${verb}By`]: z.string().nullable() } as Stamp<
    V,
    z.ZodNullable<z.ZodString>
  >;
}

/** A stored row: its id, then its own fields. */
export const row = <T extends z.ZodRawShape>(fields: T) => z.object({ id: z.number().int(), ...fields });

/** A unit named in a row: its id, code and name. */
export const unitRef = { unitId: z.number().int(), unitCode: z.string(), unitName: z.string() };

/**
 * A unit as results name it: its id (null for a unit the org tree does not hold), its code in
 * the plan's input, its name and group.
 */
export const scoredUnit = {
  unitId: z.number().int().nullable(),
  unit: z.string(),
  name: z.string(),
  group: z.string(),
};

/** A figure's unit of measure and the reporter's note (a submitted value, a task book target). */
export const figureNote = { measureUnit: z.string().nullable(), note: z.string().nullable() };

/** What a row belongs to: a plan and one of its period codes. */
export const planPeriod = { planId: z.number().int(), period: z.string() };

/** An office decision on a request: when, by whom and its note (null while pending). */
export const decision = { ...stampOrNull('decided'), decisionNote: z.string().nullable() };

/** Optimistic-concurrency version: sent back with a change, refused (409) when stale. */
export const versioned = { version: z.number().int() };

/** The office's closing step of a reviewed answer (a comment, a rectification task): an optional note. */
export const closeWithNote = z.strictObject({
  action: z.literal('close'),
  note: z.string().trim().max(500).optional(),
  version: z.number().int(),
});
