import { z } from 'zod';
import { grant, grantInput, newPassword } from './auth.js';
import { paged, pageQuery } from './common.js';
import { row, versioned } from './fields.js';

export const user = row({
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  orgNodeId: z.number().int().nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(grant),
  ...versioned,
});
export type User = z.infer<typeof user>;
export const userList = paged(user);

export const userQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  orgNodeId: z.coerce.number().int().positive().optional(),
  ...pageQuery,
});

export const userCreate = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "-" and "_" only'),
  displayName: z.string().trim().min(1).max(100),
  email: z.email().max(200).nullable().optional(),
  orgNodeId: z.number().int().positive().nullable().optional(),
  password: newPassword,
  grants: z.array(grantInput).max(50).default([]),
});
export const userUpdate = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  email: z.email().max(200).nullable().optional(),
  orgNodeId: z.number().int().positive().nullable().optional(),
  active: z.boolean().optional(),
  ...versioned,
});
export const resetPasswordBody = z.strictObject({ password: newPassword });
export const grantParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  grantId: z.coerce.number().int().positive(),
});
