import { z } from 'zod';
import { row } from './fields.js';

/** Roles from the glossary. security_admin and audit_admin arrive with a later issue. */
export const roles = [
  'system_admin',
  'office_admin',
  'leader',
  'assessor',
  'provider',
  'unit_admin',
  'unit_filler',
  'expert',
  'observer',
  'surveyor',
] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** The roles of a unit's own staff: who hears what is sent to a unit. */
export const unitRoles = ['unit_admin', 'unit_filler'] as const satisfies readonly Role[];

/**
 * Where a grant applies: everywhere, an org subtree, one evaluation system,
 * a set of indicators (providers and lead departments, Z4/S3) or named objects (an expert on a project).
 */
export const scopeTypes = ['global', 'org', 'system', 'indicators', 'objects'] as const;
export const scopeType = z.enum(scopeTypes);
export type ScopeType = z.infer<typeof scopeType>;

export const grantInput = z
  .strictObject({
    role,
    scopeType,
    orgNodeId: z.number().int().positive().nullable().optional(),
    systemId: z.number().int().positive().nullable().optional(),
    refs: z.array(z.string().min(1).max(64)).max(500).optional(),
  })
  .superRefine((g, ctx) => {
    if (g.scopeType === 'org' && !g.orgNodeId)
      ctx.addIssue({ code: 'custom', path: ['orgNodeId'], message: 'required when scopeType is "org"' });
    if (g.scopeType === 'system' && !g.systemId)
      ctx.addIssue({ code: 'custom', path: ['systemId'], message: 'required when scopeType is "system"' });
    if ((g.scopeType === 'indicators' || g.scopeType === 'objects') && !g.refs?.length)
      ctx.addIssue({
        code: 'custom',
        path: ['refs'],
        message: `required when scopeType is "${g.scopeType}"`,
      });
  });
export type GrantInput = z.infer<typeof grantInput>;

export const grant = row({
  role,
  scopeType,
  orgNodeId: z.number().int().nullable(),
  orgNodeName: z.string().nullable(),
  systemId: z.number().int().nullable(),
  refs: z.array(z.string()),
});
export type Grant = z.infer<typeof grant>;

export const me = row({
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  grants: z.array(grant),
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof me>;

/**
 * GET /api/auth/session: who is signed in, answered 200 also without a session (the UI's probe
 * must not log a failed request on every visit); `expired` when the cookie names a dead session.
 */
export const sessionResponse = z.object({ user: me.nullable(), expired: z.boolean() });
export type SessionResponse = z.infer<typeof sessionResponse>;

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const loginResponse = z.object({ user: me });

/** Password policy: at least 10 characters from at least 3 of: lower, upper, digit, symbol. */
export const PASSWORD_MIN_LENGTH = 10;
export function passwordClasses(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}
export const newPassword = z
  .string()
  .max(256)
  .refine((pw) => pw.length >= PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine((pw) => passwordClasses(pw) >= 3, 'at least 3 of: lower case, upper case, digits, symbols');

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword,
});
