import { z } from 'zod';
import { dayCode } from './beijing.js';
import { importProblem } from './cycle.js';
import { columnReader } from './data-columns.js';
import { row, stamp, stampOrNull, unitRef, versioned } from './fields.js';
import { evidenceFile } from './submissions.js';

/**
 * Innovation projects (创新驱动加分, H10, issue 12 points 1–3): the office's yearly call with its
 * categories and deadline, the units' projects, the expert pool (S11) and the judges assigned to
 * each project. docs/innovation.md describes them.
 */

// --- calls -----------------------------------------------------------------------------------------

/** A category of a call: units submit projects in one (by unit function). */
export const innovationCategory = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, - or _'),
  name: z.string().trim().min(1).max(60),
});
export type InnovationCategory = z.infer<typeof innovationCategory>;

/** The four categories by unit function a new call starts with (editable while it is a draft). */
export const DEFAULT_INNOVATION_CATEGORIES: InnovationCategory[] = [
  { code: 'party', name: '党建与社会治理' },
  { code: 'economy', name: '经济发展' },
  { code: 'livelihood', name: '民生服务' },
  { code: 'urban', name: '城市建设与管理' },
];

export const callStatuses = ['draft', 'open', 'closed'] as const;
export const callStatus = z.enum(callStatuses);
export type CallStatus = z.infer<typeof callStatus>;

const categories = z
  .array(innovationCategory)
  .min(1)
  .max(12)
  .refine((cs) => new Set(cs.map((c) => c.code)).size === cs.length, 'category codes must differ');

export const innovationCall = row({
  year: z.number().int(),
  title: z.string(),
  categories: z.array(innovationCategory),
  /** The last Beijing day units may submit and edit. */
  deadline: z.string(),
  /** Open past its deadline counts as closed. */
  status: callStatus,
  projects: z.number().int(),
  ...stamp('created'),
  ...stampOrNull('opened'),
  ...stampOrNull('closed'),
  /** What the caller may do now. */
  can: z.object({ edit: z.boolean(), open: z.boolean(), close: z.boolean(), apply: z.boolean() }),
  ...versioned,
});
export type InnovationCall = z.infer<typeof innovationCall>;

export const callCreate = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200),
  categories: categories.default(DEFAULT_INNOVATION_CATEGORIES),
  deadline: dayCode,
});
export type CallCreate = z.infer<typeof callCreate>;

export const callUpdate = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  categories: categories.optional(),
  deadline: dayCode.optional(),
  version: z.number().int(),
});
export type CallUpdate = z.infer<typeof callUpdate>;

export const callAction = z.enum(['open', 'close']);
export type CallAction = z.infer<typeof callAction>;
export const callStep = z.strictObject({ action: callAction, version: z.number().int() });

// --- projects --------------------------------------------------------------------------------------

export const projectStatus = z.enum(['submitted']);

export const innovationProject = row({
  callId: z.number().int(),
  year: z.number().int(),
  ...unitRef,
  category: z.string(),
  /** The category's name in the call. */
  categoryName: z.string(),
  title: z.string(),
  summary: z.string(),
  results: z.string(),
  status: projectStatus,
  attachments: z.array(evidenceFile),
  /** How many judges it has (the office's view; 0 for others). */
  judges: z.number().int(),
  ...stamp('created'),
  ...stamp('updated'),
  /** Its unit may still change it: the call is open and its deadline has not passed. */
  editable: z.boolean(),
  ...versioned,
});
export type InnovationProject = z.infer<typeof innovationProject>;

const projectText = {
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(5000),
  results: z.string().trim().max(5000),
};

export const projectCreate = z.strictObject({
  /** The applicant unit; default: the caller's own. */
  unitId: z.number().int().positive().optional(),
  category: z.string().trim().min(1).max(32),
  ...projectText,
});
export type ProjectCreate = z.infer<typeof projectCreate>;

export const projectUpdate = z.strictObject({
  category: z.string().trim().min(1).max(32).optional(),
  title: projectText.title.optional(),
  summary: projectText.summary.optional(),
  results: projectText.results.optional(),
  version: z.number().int(),
});
export type ProjectUpdate = z.infer<typeof projectUpdate>;

// --- experts ---------------------------------------------------------------------------------------

export const affiliations = ['university', 'industry', 'government', 'other'] as const;
export const affiliation = z.enum(affiliations);
export type Affiliation = z.infer<typeof affiliation>;

export const expertContact = z.object({ phone: z.string().nullable(), email: z.string().nullable() });

export const expertProfile = row({
  name: z.string(),
  affiliation,
  organisation: z.string(),
  fields: z.array(z.string()),
  available: z.boolean(),
  /** The office only (and the expert's own profile): null for everyone else. */
  contact: expertContact.nullable(),
  memberUnit: z.object(unitRef).nullable(),
  conflicts: z.array(z.object(unitRef)),
  /** The account linked to the profile (the expert signs in with it). */
  username: z.string().nullable(),
  ...versioned,
});
export type ExpertProfile = z.infer<typeof expertProfile>;

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/, 'a phone number');
const email = z.email().max(200);
const fields = z.array(z.string().trim().min(1).max(40)).max(10);

export const expertInput = z.strictObject({
  name: z.string().trim().min(1).max(60),
  affiliation,
  organisation: z.string().trim().min(1).max(120),
  fields: fields.default([]),
  phone: phone.nullable().default(null),
  email: email.nullable().default(null),
  available: z.boolean().default(true),
  /** Code of the unit the expert belongs to (a civil servant of it), if any. */
  memberUnitCode: z.string().trim().min(1).max(64).nullable().default(null),
  /** Codes of units the expert declared a conflict with. */
  conflictUnitCodes: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
  /** An account to link (role expert); the expert then sees the projects assigned to them. */
  username: z.string().trim().min(1).max(64).nullable().default(null),
});
export type ExpertInput = z.infer<typeof expertInput>;

export const expertUpdate = z.strictObject({
  name: expertInput.shape.name.optional(),
  affiliation: affiliation.optional(),
  organisation: expertInput.shape.organisation.optional(),
  fields: fields.optional(),
  phone: phone.nullable().optional(),
  email: email.nullable().optional(),
  available: z.boolean().optional(),
  memberUnitCode: z.string().trim().min(1).max(64).nullable().optional(),
  conflictUnitCodes: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  username: z.string().trim().min(1).max(64).nullable().optional(),
  version: z.number().int(),
});
export type ExpertUpdate = z.infer<typeof expertUpdate>;

/** The columns of an expert import file (.xlsx or CSV), by the names a header cell may give them. */
export const expertColumns = [
  'name',
  'affiliation',
  'organisation',
  'fields',
  'phone',
  'email',
  'available',
  'memberUnit',
  'conflicts',
] as const;
export type ExpertColumn = (typeof expertColumns)[number];
export const expertColumnAliases: Record<ExpertColumn, readonly string[]> = {
  name: ['name', '姓名'],
  affiliation: ['affiliation', 'type', '类别', '类型', '来源'],
  organisation: ['organisation', 'organization', '工作单位', '单位'],
  fields: ['fields', '专业领域', '领域'],
  phone: ['phone', '电话', '手机'],
  email: ['email', '邮箱', '电子邮箱'],
  available: ['available', '是否可用', '可用'],
  memberUnit: ['memberUnit', '所属考评单位', '所属单位编码'],
  conflicts: ['conflicts', '回避单位', '回避单位编码'],
};
export const expertColumnOf = columnReader(expertColumns, expertColumnAliases);
/** The words a file may use for an affiliation. */
export const affiliationAliases: Record<Affiliation, readonly string[]> = {
  university: ['university', '高校', '高校学者', '大学'],
  industry: ['industry', '企业', '行业', '行业专家'],
  government: ['government', '政府', '机关', '党政机关'],
  other: ['other', '其他'],
};

export const expertImportPreview = z.object({
  fileName: z.string(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      name: z.string(),
      affiliation: z.string(),
      organisation: z.string(),
      fields: z.array(z.string()),
      available: z.boolean(),
      memberUnitCode: z.string().nullable(),
      conflictUnitCodes: z.array(z.string()),
    }),
  ),
  problems: z.array(importProblem),
});
export type ExpertImportPreview = z.infer<typeof expertImportPreview>;
export const expertImportResult = z.object({ created: z.number().int() });

// --- assignment ------------------------------------------------------------------------------------

export const exclusionCode = z.enum([
  'unavailable',
  'same_organisation',
  'declared_conflict',
  'member_of_unit',
]);
export type ExclusionCode = z.infer<typeof exclusionCode>;
export const exclusionReason = z.object({ code: exclusionCode, params: z.record(z.string(), z.string()) });
export type ExclusionReason = z.infer<typeof exclusionReason>;

export const assignmentHow = z.enum(['auto', 'manual']);

export const judge = z.object({
  /** The assignment's id (what scoring will hang off). */
  id: z.number().int(),
  expertId: z.number().int(),
  name: z.string(),
  organisation: z.string(),
  how: assignmentHow,
  reason: z.string().nullable(),
  ...stamp('assigned'),
});
export type Judge = z.infer<typeof judge>;

export const boardProject = z.object({
  projectId: z.number().int(),
  title: z.string(),
  ...unitRef,
  category: z.string(),
  judges: z.array(judge),
  /** Experts who may not judge this project, and why. */
  excluded: z.array(
    z.object({ expertId: z.number().int(), name: z.string(), reasons: z.array(exclusionReason) }),
  ),
});

export const assignmentBoard = z.object({
  callId: z.number().int(),
  /** The wanted judges per project of the last automatic run (null before one). */
  wanted: z.number().int().nullable(),
  projects: z.array(boardProject),
  experts: z.array(
    z.object({
      expertId: z.number().int(),
      name: z.string(),
      available: z.boolean(),
      load: z.number().int(),
    }),
  ),
  /** Projects with fewer eligible experts than wanted in the last run. */
  shortfalls: z.array(
    z.object({ projectId: z.number().int(), wanted: z.number().int(), got: z.number().int() }),
  ),
});
export type AssignmentBoard = z.infer<typeof assignmentBoard>;

export const autoAssign = z.strictObject({
  mode: z.enum(['perProject', 'panelPerCategory']),
  n: z.number().int().min(1).max(15),
});
export type AutoAssign = z.infer<typeof autoAssign>;

const overrideReason = z.string().trim().min(1).max(500);
export const manualAssign = z.strictObject({
  projectId: z.number().int().positive(),
  expertId: z.number().int().positive(),
  reason: overrideReason,
});
export type ManualAssign = z.infer<typeof manualAssign>;
export const unassign = z.strictObject({ reason: overrideReason });

/** A project as its judge sees it (no applicant contact, no other judges). */
export const judgedProject = innovationProject.omit({ judges: true, editable: true });
export type JudgedProject = z.infer<typeof judgedProject>;
