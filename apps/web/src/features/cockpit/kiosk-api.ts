import {
  cockpitMap,
  kioskLink,
  kioskLinkCreated,
  kioskScreen,
  type MapUpload,
  mapUploaded,
} from '@jixiao/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../shared/api.js';
import { useGet } from '../../shared/useGet.js';

export const kioskKeys = {
  map: (planId: number, period: string) => ['cockpit', planId, 'map', period] as const,
  links: (planId: number) => ['cockpit', planId, 'kiosk-links'] as const,
};

/** The plan's map (GeoJSON) and each region's unit standing. */
export function useCockpitMap(planId: number | undefined, period: string | undefined) {
  return useGet(kioskKeys.map(planId ?? 0, period ?? ''), `/api/cockpit/${planId}/map`, cockpitMap, {
    query: { period },
    enabled: planId !== undefined && !!period,
  });
}

/** The office loads its own GeoJSON for the plan (or goes back to the shipped map). */
export function useMapUpload(planId: number) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['cockpit', planId, 'map'] });
  return {
    upload: useMutation({
      mutationFn: (body: MapUpload) => api.put(`/api/cockpit/${planId}/map`, mapUploaded, body),
      onSuccess: done,
    }),
    reset: useMutation({ mutationFn: () => api.del(`/api/cockpit/${planId}/map`), onSuccess: done }),
  };
}

export function useKioskLinks(planId: number, enabled: boolean) {
  return useGet(kioskKeys.links(planId), `/api/cockpit/${planId}/kiosk-links`, z.array(kioskLink), {
    enabled,
  });
}

export function useKioskMutations(planId: number) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: kioskKeys.links(planId) });
  return {
    create: useMutation({
      mutationFn: (body: {
        label: string;
        period: string;
        expiresAt: string | null;
        refreshSeconds?: number;
      }) => api.post(`/api/cockpit/${planId}/kiosk-links`, kioskLinkCreated, body),
      onSuccess: done,
    }),
    revoke: useMutation({
      mutationFn: (id: number) => api.post(`/api/kiosk-links/${id}/revoke`, kioskLink),
      onSuccess: done,
    }),
  };
}

/**
 * The large screen's data with its kiosk token, again every `refreshSeconds` the server names
 * (the first answer's, 60 s before it). A refusal (revoked, expired) is kept and shown; no retry.
 */
export function useKioskScreen(token: string, refreshSeconds: number) {
  return useQuery({
    queryKey: ['kiosk-screen', token],
    queryFn: () =>
      api.get('/api/kiosk/screen', kioskScreen, undefined, { bearer: token, skipAuthRedirect: true }),
    refetchInterval: refreshSeconds * 1000,
    refetchIntervalInBackground: true,
    retry: false,
    meta: { silent: true },
  });
}
