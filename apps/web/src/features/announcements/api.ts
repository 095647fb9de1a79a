import { announcement, type announcementCreate, announcementList } from '@jixiao/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../shared/api.js';

export const announcementKeys = { all: ['announcements'] as const };

/** The announcements the caller may read, newest first as the server sends them. */
export const useAnnouncements = () =>
  useQuery({
    queryKey: announcementKeys.all,
    queryFn: () => api.get('/api/announcements', announcementList),
  });

/** Publishes to the units named, or to every unit when none is. */
export const publishAnnouncement = (body: z.input<typeof announcementCreate>) =>
  api.post('/api/announcements', announcement, body);
