import { randomBytes } from 'node:crypto';
import {
  ballotAccepted,
  ballotForm,
  captchaChallenge,
  pollParams,
  pollQuery,
  pollSubmit,
} from '@jixiao/contracts';
import type { Deps } from '../../platform/context.js';
import { cookieOptions } from '../../platform/http.js';
import { route, routes } from '../../platform/route.js';
import * as svc from './poll.service.js';

/** The device cookie: random, only for the poll's own paths, stored as a hash per group. */
const DEVICE_COOKIE = 'jixiao_poll_device';

/** The public e-poll (Z11): open to anyone, no sign-in. */
export const pollRoutes = (deps: Deps) => {
  const cookie = cookieOptions(deps.config, { path: '/api/poll', sameSite: 'lax', maxAge: 366 * 24 * 3600 });
  return routes('surveys', [
    route({
      method: 'GET',
      url: '/api/poll/captcha',
      access: 'public',
      summary: 'A new captcha (digits drawn as SVG) for an e-poll ballot',
      response: captchaChallenge,
      handler: (r) => {
        r.reply.header('cache-control', 'no-store');
        return svc.newCaptcha(deps);
      },
    }),
    route({
      method: 'GET',
      url: '/api/poll/:groupId',
      access: 'public',
      summary: "An e-poll group's ballot form; gives the device its cookie",
      params: pollParams,
      query: pollQuery,
      response: ballotForm,
      handler: async (r) => {
        const form = await svc.openPoll(deps, r.params.groupId, r.query.unit);
        if (!r.req.cookies[DEVICE_COOKIE])
          r.reply.setCookie(DEVICE_COOKIE, randomBytes(16).toString('base64url'), cookie);
        return form;
      },
    }),
    route({
      method: 'POST',
      url: '/api/poll/:groupId',
      access: 'public',
      summary: 'Casts an e-poll ballot (captcha, one per device, a limit per address)',
      params: pollParams,
      body: pollSubmit,
      response: ballotAccepted,
      status: 201,
      handler: (r) =>
        svc.castPoll(deps, r.params.groupId, r.body, { ip: r.req.ip, device: r.req.cookies[DEVICE_COOKIE] }),
    }),
  ]);
};
