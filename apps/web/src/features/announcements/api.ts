import { announcement, type announcementCreate, announcementList } from '@jixiao/contracts';
import type { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const announcementKeys = { all: ['announcements'] as const };

/** The announcements the caller may read, newest first as the server sends them. */
export const useAnnouncements = () => useGet(announcementKeys.all, '/api/announcements', announcementList);

/** Publishes to the units named, or to every unit when none is. */
export const publishAnnouncement = (body: z.input<typeof announcementCreate>) =>
  api.post('/api/announcements', announcement, body);
