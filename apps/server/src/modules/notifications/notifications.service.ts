import { type NotificationMessage, type Role, renderNotification, unitRoles } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { createMailer } from '../../platform/mail.js';
import * as repo from './notifications.repository.js';

export type NotificationKind = repo.NewNotification['kind'];

/** Who a notification goes to: named users, the users of a unit with some roles, or global role holders. */
export interface Recipients {
  userIds?: number[];
  unit?: { id: number; roles: readonly Role[] };
  global?: Role[];
}

/** Everyone of a unit with a unit role (fillers, leaders, …). */
export const unitStaff = (unitId: number): Recipients => ({ unit: { id: unitId, roles: unitRoles } });
/** The evaluation office's administrators. */
export const theOffice: Recipients = { global: ['office_admin'] };

/**
 * A notification: a message of the system (`{ code, params }`, shown in the reader's language), or
 * the title and body a person wrote (a notice), shown as they are.
 */
export type NotificationInput = {
  kind: NotificationKind;
  link?: string | null;
  /** A to-do stays in the list until done (a return to correct, a notice to answer). */
  todo?: boolean;
} & ({ message: NotificationMessage } | { title: string; body: string });

/**
 * Put a notification in the recipients' bells inside the caller's transaction, so it exists exactly
 * when the change that caused it does. E-mail follows from the mail pump, after commit.
 */
export async function notify(
  deps: Deps,
  tx: Executor,
  to: Recipients,
  n: NotificationInput,
): Promise<number[]> {
  const ids = new Set(to.userIds ?? []);
  if (to.unit) for (const id of await repo.unitUsers(tx, to.unit.id, to.unit.roles)) ids.add(id);
  if (to.global?.length) for (const id of await repo.globalUsers(tx, to.global)) ids.add(id);
  const createdAt = deps.now();
  const text = 'message' in n ? renderNotification('zh-CN', n.message) : { title: n.title, body: n.body };
  const coded = 'message' in n ? { code: n.message.code, params: n.message.params } : {};
  await repo.insertNotifications(
    tx,
    [...ids].map((userId) => ({
      userId,
      kind: n.kind,
      ...text,
      ...coded,
      link: n.link ?? null,
      todo: n.todo ?? false,
      createdAt,
    })),
  );
  return [...ids];
}

const present = (r: repo.NotificationRow) => ({
  id: r.id,
  kind: r.kind as never,
  title: r.title,
  body: r.body,
  message: r.code ? { code: r.code, params: r.params ?? {} } : null,
  link: r.link,
  todo: r.todo,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt?.toISOString() ?? null,
  doneAt: r.doneAt?.toISOString() ?? null,
});

export async function myNotifications(
  deps: Deps,
  ctx: Ctx,
  q: { filter: 'unread' | 'todo' | 'all'; page: number; pageSize: number },
) {
  const { items, total } = await repo.listFor(deps.database.db, ctx.actor!.id, q.filter, q.page, q.pageSize);
  return { items: items.map(present), total, page: q.page, pageSize: q.pageSize };
}

export const myCounts = (deps: Deps, ctx: Ctx) => repo.countsFor(deps.database.db, ctx.actor!.id);

/** Reading one's own notifications is not a change to audit: it touches nobody else's data. */
export async function markRead(deps: Deps, ctx: Ctx, id: number | null) {
  if (id !== null && !(await repo.findOwn(deps.database.db, ctx.actor!.id, id)))
    throw notFound('Notification');
  await repo.mark(deps.database.db, ctx.actor!.id, id, { readAt: deps.now() });
}

export async function markDone(deps: Deps, ctx: Ctx, id: number) {
  if (!(await repo.findOwn(deps.database.db, ctx.actor!.id, id))) throw notFound('Notification');
  const now = deps.now();
  await repo.mark(deps.database.db, ctx.actor!.id, id, { doneAt: now });
  await repo.mark(deps.database.db, ctx.actor!.id, id, { readAt: now });
}

/** Send pending e-mails (when SMTP is configured); returns how many went out. */
export async function pumpMail(deps: Deps, batch = 100): Promise<number> {
  const mailer = createMailer(deps.config.smtpUrl, deps.config.mailFrom);
  if (!mailer) return 0;
  const pending = await repo.unmailed(deps.database.db, batch);
  const sent: number[] = [];
  for (const { n, email } of pending) {
    try {
      await mailer.send({
        to: email!,
        subject: `【绩效管理】${n.title}`,
        text: `${n.body}\n\n${n.link ?? ''}`.trim(),
      });
      sent.push(n.id);
    } catch {
      break; // SMTP trouble: try again on the next round
    }
  }
  await repo.markMailed(deps.database.db, sent, deps.now());
  return sent.length;
}
