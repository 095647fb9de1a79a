import { z } from 'zod';
import { paged, pageQuery } from './common.js';
import { row } from './fields.js';
import { notificationMessage } from './notification-messages.js';

export const notificationKinds = [
  'deadline',
  'returned',
  'reminder',
  'urging',
  'observation',
  'announcement',
  'task_book',
  'verification',
  'results',
  'objection',
  'rectification',
  'rating',
  'inquiry',
  'info',
] as const;
export const notificationKind = z.enum(notificationKinds);

export const notification = row({
  kind: notificationKind,
  /** The text in zh-CN (what a person wrote, or the message rendered when it was sent). */
  title: z.string(),
  body: z.string(),
  /** A message of the system (`{ code, params }`), rendered by the web in the reader's language. */
  message: notificationMessage.nullable(),
  /** Path in the web UI that deals with it, e.g. "/submissions?period=2026-M03". */
  link: z.string().nullable(),
  todo: z.boolean(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;
export const notificationList = paged(notification);

export const notificationQuery = z.strictObject({
  /** unread: not yet read; todo: to-dos not yet done; all: everything. */
  filter: z.enum(['unread', 'todo', 'all']).default('all'),
  ...pageQuery,
});

export const notificationCounts = z.object({ unread: z.number().int(), todo: z.number().int() });
