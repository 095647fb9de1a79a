import { z } from 'zod';
import { code, name } from './common.js';
import { row, versioned } from './fields.js';

/** Kinds of node in the organisation tree (glossary: org_node). */
export const orgKinds = ['region', 'department', 'zone', 'vertical', 'enterprise', 'section'] as const;
export const orgKind = z.enum(orgKinds);
export type OrgKind = z.infer<typeof orgKind>;

/** What every record of the org model carries: id, code, name and its optimistic-concurrency version. */
const coded = { id: z.number().int(), code: z.string(), name: z.string(), ...versioned };

export const evaluationSystem = z.object({ ...coded, ownerOrgId: z.number().int().nullable() });
export type EvaluationSystem = z.infer<typeof evaluationSystem>;
export const systemCreate = z.strictObject({
  code,
  name,
  ownerOrgId: z.number().int().positive().nullable().optional(),
});
export const systemUpdate = z.strictObject({
  name: name.optional(),
  ownerOrgId: z.number().int().positive().nullable().optional(),
  ...versioned,
});

export const category = z.object({ ...coded, systemId: z.number().int() });
export type Category = z.infer<typeof category>;
export const categoryCreate = z.strictObject({ systemId: z.number().int().positive(), code, name });
export const categoryUpdate = z.strictObject({ name: name.optional(), version: z.number().int() });

export const group = z.object({ ...coded, categoryId: z.number().int() });
export type Group = z.infer<typeof group>;
export const groupCreate = z.strictObject({ categoryId: z.number().int().positive(), code, name });
export const groupUpdate = z.strictObject({ name: name.optional(), version: z.number().int() });

export const orgNode = z.object({
  ...coded,
  parentId: z.number().int().nullable(),
  kind: orgKind,
  systemId: z.number().int().nullable(),
  groupId: z.number().int().nullable(),
  sortOrder: z.number().int(),
});
export type OrgNode = z.infer<typeof orgNode>;
export const orgNodeCreate = z.strictObject({
  parentId: z.number().int().positive().nullable(),
  kind: orgKind,
  code,
  name,
  systemId: z.number().int().positive().nullable().optional(),
  groupId: z.number().int().positive().nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export const orgNodeUpdate = z.strictObject({
  parentId: z.number().int().positive().nullable().optional(),
  name: name.optional(),
  systemId: z.number().int().positive().nullable().optional(),
  groupId: z.number().int().positive().nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  ...versioned,
});

export const staff = row({
  orgNodeId: z.number().int(),
  employeeNo: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  ...versioned,
});
export type Staff = z.infer<typeof staff>;
export const staffCreate = z.strictObject({
  orgNodeId: z.number().int().positive(),
  employeeNo: code,
  name,
  title: z.string().trim().max(100).nullable().optional(),
});
export const staffUpdate = z.strictObject({
  orgNodeId: z.number().int().positive().optional(),
  name: name.optional(),
  title: z.string().trim().max(100).nullable().optional(),
  ...versioned,
});
export const staffQuery = z.strictObject({ orgNodeId: z.coerce.number().int().positive() });

/** Columns of the org import template, in order. `parentCode` refers to an existing node or an earlier row. */
export const orgImportColumns = [
  'code',
  'name',
  'kind',
  'parentCode',
  'systemCode',
  'groupCode',
  'sortOrder',
] as const;
export const orgImportRow = z.strictObject({
  code,
  name,
  kind: orgKind,
  parentCode: z.string().trim().max(64).optional(),
  systemCode: z.string().trim().max(64).optional(),
  groupCode: z.string().trim().max(64).optional(),
  sortOrder: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type OrgImportRow = z.infer<typeof orgImportRow>;
export const importRowError = z.object({
  line: z.number().int(),
  field: z.string().optional(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;
export const importResult = z.object({ imported: z.number().int() });
export const importTemplateQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
