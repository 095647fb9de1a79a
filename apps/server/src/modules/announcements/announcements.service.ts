import type { Announcement } from '@jixiao/contracts';
import { type Actor, orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import * as repo from './announcements.repository.js';

const present = (r: repo.AnnouncementRow): Announcement => ({
  id: r.id,
  title: r.title,
  body: r.body,
  unitIds: r.unitIds,
  publishedAt: r.publishedAt.toISOString(),
  publishedBy: r.publishedBy,
});

/**
 * Announcements the actor sees: every one for global readers (office, leaders, observers); for unit
 * users those to all units and those addressed to a unit their grant covers (or lies within).
 */
export async function listAnnouncements(deps: Deps, ctx: Ctx): Promise<Announcement[]> {
  const db = deps.database.db;
  const rows = await repo.listAnnouncements(db);
  const actor: Actor = ctx.actor!;
  if (orgScope(actor, 'org.read').all) return rows.map(present);
  const mine = actor.grants.flatMap((g) => (g.scopeType === 'org' && g.orgPath ? [g.orgPath] : []));
  const paths = new Map(
    (await repo.nodesByIds(db, [...new Set(rows.flatMap((r) => r.unitIds))])).map((n) => [n.id, n.path]),
  );
  const touches = (id: number) => {
    const p = paths.get(id);
    return p !== undefined && mine.some((m) => p.startsWith(m) || m.startsWith(p));
  };
  return rows.filter((r) => r.unitIds.length === 0 || r.unitIds.some(touches)).map(present);
}

/** Publish to all units (no ids) or chosen ones; their users get it in the bell. */
export async function publish(deps: Deps, ctx: Ctx, b: { title: string; body: string; unitIds: number[] }) {
  return deps.database.db.transaction(async (tx) => {
    const unitIds = [...new Set(b.unitIds)];
    const nodes = await repo.nodesByIds(tx, unitIds);
    const missing = unitIds.filter((id) => !nodes.some((n) => n.id === id));
    if (missing.length)
      throw new AppError('VALIDATION_FAILED', `unitIds: no unit ${missing.join(', ')}`, [
        { path: 'unitIds', message: `no unit ${missing.join(', ')}` },
      ]);
    const row = await repo.insertAnnouncement(tx, {
      title: b.title,
      body: b.body,
      unitIds,
      publishedAt: deps.now(),
      publishedBy: ctx.actor?.username ?? 'system',
    });
    const recipients = await repo.unitRoleUsers(tx, unitIds.length ? nodes.map((n) => n.path) : null);
    await notify(
      deps,
      tx,
      { userIds: recipients },
      {
        kind: 'announcement',
        message: {
          code: 'announcement.published',
          params: { title: b.title, body: b.body.length > 200 ? `${b.body.slice(0, 200)}…` : b.body },
        },
        link: '/announcements',
      },
    );
    await recordAudit(deps, tx, ctx, {
      action: 'announcement.publish',
      objectType: 'announcement',
      objectId: row.id,
      after: { title: b.title, unitIds, recipients: recipients.length },
    });
    return present(row);
  });
}
