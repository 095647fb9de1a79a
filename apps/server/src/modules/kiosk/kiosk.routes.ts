import {
  cockpitMap,
  cockpitParams,
  cockpitQuery,
  kioskLink,
  kioskLinkCreate,
  kioskLinkCreated,
  kioskLinkParams,
  kioskScreen,
  mapUpload,
  mapUploaded,
} from '@jixiao/contracts';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { route, routes } from '../../platform/route.js';
import * as svc from './kiosk.service.js';

/** The cockpit map (issue 13 point 2) and the large screen with its kiosk links (point 4). */
export const kioskRoutes = (deps: Deps) =>
  routes('cockpit', [
    route({
      method: 'GET',
      url: '/api/cockpit/:planId/map',
      access: 'cockpit.read',
      summary: "The plan's map (GeoJSON) and each region's unit standing",
      params: cockpitParams,
      query: cockpitQuery,
      response: cockpitMap,
      handler: (r) => svc.cockpitMap(deps, r.ctx, r.params.planId, r.query.period),
    }),
    route({
      method: 'PUT',
      url: '/api/cockpit/:planId/map',
      access: 'cockpit.manage',
      summary: 'Load a GeoJSON FeatureCollection as the plan’s map',
      params: cockpitParams,
      body: mapUpload,
      response: mapUploaded,
      handler: (r) => svc.uploadMap(deps, r.ctx, r.params.planId, r.body),
    }),
    route({
      method: 'DELETE',
      url: '/api/cockpit/:planId/map',
      access: 'cockpit.manage',
      summary: 'Back to the shipped demo map',
      params: cockpitParams,
      status: 204,
      handler: (r) => svc.resetMap(deps, r.ctx, r.params.planId),
    }),
    route({
      method: 'GET',
      url: '/api/cockpit/:planId/kiosk-links',
      access: 'cockpit.manage',
      params: cockpitParams,
      response: z.array(kioskLink),
      handler: (r) => svc.listKiosks(deps, r.ctx, r.params.planId),
    }),
    route({
      method: 'POST',
      url: '/api/cockpit/:planId/kiosk-links',
      access: 'cockpit.manage',
      summary: 'A kiosk link for the large screen; the token is shown once',
      params: cockpitParams,
      body: kioskLinkCreate,
      response: kioskLinkCreated,
      status: 201,
      handler: (r) => svc.createKiosk(deps, r.ctx, r.params.planId, r.body),
    }),
    route({
      method: 'POST',
      url: '/api/kiosk-links/:id/revoke',
      access: 'cockpit.manage',
      params: kioskLinkParams,
      response: kioskLink,
      handler: (r) => svc.revokeKiosk(deps, r.ctx, r.params.id),
    }),
    route({
      method: 'GET',
      url: svc.KIOSK_SCREEN_URL,
      // No session: the screen authenticates with `Authorization: Bearer jxk_…` (its kiosk link).
      access: 'public',
      security: {
        scheme: 'bearer',
        check: async (req) => void (await svc.kioskOf(deps, req.headers.authorization)),
      },
      summary: 'The large screen of a kiosk link: ranking, map, counts, lagging list',
      response: kioskScreen,
      handler: (r) => svc.screen(deps, r.req.headers.authorization),
    }),
  ]);
