/**
 * The signed-in user's notifications: the header bell and the to-do page read the same cache
 * (every key starts with 'notifications', so one invalidation refreshes both).
 */
import { type Notification, notificationCounts, notificationList } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from './api.js';
import { useGet } from './useGet.js';

export type NotificationFilter = 'todo' | 'unread' | 'all';

export const notificationKeys = {
  all: ['notifications'] as const,
  counts: ['notifications', 'counts'] as const,
  latest: ['notifications', 'latest'] as const,
  list: (filter: NotificationFilter, page: number) => ['notifications', 'list', filter, page] as const,
};

/** Unread and to-do counts for the bell's badge, polled every 60 s and on focus. */
export const useNotificationCounts = () =>
  useQuery({
    queryKey: notificationKeys.counts,
    queryFn: () => api.get('/api/notifications/counts', notificationCounts),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    meta: { silent: true },
  });

/** The eight latest notifications, for the bell's panel. */
export const useLatestNotifications = () =>
  useQuery({
    queryKey: notificationKeys.latest,
    queryFn: () => api.get('/api/notifications', notificationList, { filter: 'all', pageSize: 8 }),
    refetchOnWindowFocus: true,
    meta: { silent: true },
  });

export const useNotifications = (filter: NotificationFilter, page: number) =>
  useGet(notificationKeys.list(filter, page), '/api/notifications', notificationList, {
    query: { filter, page, pageSize: 20 },
  });

/** Marks one notification read or done; `null` marks every notification read. */
export const markNotification = (id: number | null, what: 'done' | 'read' = 'read') =>
  api.post(id === null ? '/api/notifications/read-all' : `/api/notifications/${id}/${what}`);

/**
 * A notification's title and body in the reader's language: a message of the system through its
 * template (`notify.<code>`), text a person wrote as it is.
 */
export function notificationText(t: TFunction, n: Pick<Notification, 'title' | 'body' | 'message'>) {
  if (!n.message) return { title: n.title, body: n.body };
  const key = `notify.${n.message.code}`;
  return { title: t(`${key}.title`, n.message.params), body: t(`${key}.body`, n.message.params) };
}
