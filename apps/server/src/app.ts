import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { announcementsRoutes } from './modules/announcements/announcements.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { cockpitRoutes } from './modules/cockpit/cockpit.routes.js';
import { consequencesRoutes } from './modules/consequences/consequences.routes.js';
import { eventsRoutes } from './modules/events/events.routes.js';
import { hotlineRoutes } from './modules/hotline/hotline.routes.js';
import { authRoutes } from './modules/identity/auth.routes.js';
import { resolveSession } from './modules/identity/auth.service.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { innovationRoutes } from './modules/innovation/innovation.routes.js';
import { innovationScoringRoutes } from './modules/innovation/scoring.routes.js';
import { inquiriesRoutes } from './modules/inquiries/inquiries.routes.js';
import { jobsRoutes } from './modules/jobs/jobs.routes.js';
import { jobKindDefs } from './modules/jobs/kinds.js';
import { kioskRoutes } from './modules/kiosk/kiosk.routes.js';
import { isKioskBearer, KIOSK_SCREEN_URL, kioskRefused } from './modules/kiosk/kiosk.service.js';
import { liveRoutes } from './modules/live/live.routes.js';
import { noticesRoutes } from './modules/notices/notices.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { objectionsRoutes } from './modules/objections/objections.routes.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { orgImportRoutes } from './modules/org/org-import.routes.js';
import { periodRoutes } from './modules/periods/periods.routes.js';
import { planRoutes } from './modules/plans/plans.routes.js';
import { progressRoutes } from './modules/progress/progress.routes.js';
import { rectificationRoutes } from './modules/rectification/rectification.routes.js';
import { publicResultsRoutes } from './modules/results/public-results.routes.js';
import { resultsRoutes } from './modules/results/results.routes.js';
import { submissionsRoutes } from './modules/submissions/submissions.routes.js';
import { supervisionRoutes } from './modules/supervision/supervision.routes.js';
import { commentsRoutes } from './modules/surveys/comments.routes.js';
import { paperRoutes } from './modules/surveys/paper.routes.js';
import { pollRoutes } from './modules/surveys/poll.routes.js';
import { surveysRoutes } from './modules/surveys/surveys.routes.js';
import { taskBookRoutes } from './modules/taskbooks/taskbooks.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { verificationRoutes } from './modules/verification/verification.routes.js';
import { hasPermission } from './platform/access.js';
import { type Deps, makeDeps } from './platform/context.js';
import { errorHandler } from './platform/error-handler.js';
import { AppError } from './platform/errors.js';
import type { BlobStore } from './platform/files/storage.js';
import { type Access, SESSION_COOKIE } from './platform/http.js';
import { jobHandlers } from './platform/jobs/jobs.js';
import { startQueue } from './platform/jobs/queue.js';
import { openapiOptions } from './platform/openapi.js';
import { rejectNul } from './platform/text-guard.js';

export interface AppOptions {
  database: Database;
  config: Config;
  now?: () => Date;
  blobs?: BlobStore;
  /** Directory of the built web UI; served at / when it exists. */
  webDist?: string;
  logger?: boolean;
}

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  /** Which of body, querystring, params and response the route's schema declares. */
  schemaParts: string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Build the API without listening, so tests drive it through `inject`. */
/**
 * Hashed build assets never change under their name, so browsers keep them a year without asking;
 * everything else (index.html names the current hashes) is revalidated on every visit.
 */
export const assetCaching = (path: string) =>
  /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const deps: Deps = makeDeps(opts.database, opts.config, { now: opts.now, blobs: opts.blobs });
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: opts.config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization'],
            // A kiosk link carries its token in the page address (/screen/<token>): not in the logs.
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({
                method: req.method,
                url: req.url.replace(/^\/screen\/[^/?#]+/, '/screen/[kiosk-token]'),
                remoteAddress: req.ip,
              }),
            },
          },
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: opts.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !opts.webDist || !existsSync(opts.webDist))
      return reply
        .code(404)
        .send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
    // Client-side routes of the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });

  // Every API route must say who may call it; a route without `access` fails at startup. The
  // table lets a test walk every route.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (
      route.url.startsWith('/api/') &&
      !route.url.startsWith('/api/docs') &&
      route.url !== '/api/openapi.json'
    ) {
      const access = (route.config as { access?: Access } | undefined)?.access;
      if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
      const schemaParts = ['body', 'querystring', 'params', 'response'].filter(
        (k) => (route.schema as Record<string, unknown> | undefined)?.[k] !== undefined,
      );
      for (const method of [route.method].flat())
        if (method !== 'HEAD') routeTable.push({ method, url: route.url, access, schemaParts });
    }
  });

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: opts.config.secureCookie,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  // The API document: every route with its schemas and access rule (platform/openapi.ts).
  await app.register(swagger, openapiOptions);
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    // A kiosk token opens the large screen's one read route and nothing else, public routes included.
    if (isKioskBearer(req.headers.authorization) && req.routeOptions.url !== KIOSK_SCREEN_URL)
      throw kioskRefused('kiosk.scope');
    const access = req.routeOptions.config.access;
    if (!access || 'public' in access) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED', 'Please sign in');
    const { actor } = await resolveSession(deps, token);
    req.actor = actor;
    req.sessionToken = token;
    if ('permission' in access) {
      if (actor.mustChangePassword)
        throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Change your password before continuing');
      if (!hasPermission(actor, access.permission))
        throw new AppError('FORBIDDEN', 'Your role may not do this');
    }
  });

  // No text field anywhere may carry U+0000 (PostgreSQL cannot store it): one rule, a 400 naming it.
  app.addHook('preValidation', rejectNul);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await opts.database.query('select 1');
      return { ok: true, database: opts.database.engine };
    } catch (err) {
      return reply
        .code(503)
        .send({ error: { code: 'INTERNAL', message: `database not ready: ${(err as Error).message}` } });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes(deps));
  await app.register(usersRoutes(deps));
  await app.register(orgRoutes(deps));
  await app.register(orgImportRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(notificationsRoutes(deps));
  await app.register(planRoutes(deps));
  await app.register(resultsRoutes(deps));
  await app.register(consequencesRoutes(deps));
  await app.register(publicResultsRoutes(deps));
  await app.register(submissionsRoutes(deps));
  await app.register(verificationRoutes(deps));
  await app.register(liveRoutes(deps));
  await app.register(cockpitRoutes(deps));
  await app.register(kioskRoutes(deps));
  await app.register(supervisionRoutes(deps));
  await app.register(progressRoutes(deps));
  await app.register(noticesRoutes(deps));
  await app.register(announcementsRoutes(deps));
  await app.register(periodRoutes(deps));
  await app.register(taskBookRoutes(deps));
  await app.register(eventsRoutes(deps));
  await app.register(importsRoutes(deps));
  await app.register(hotlineRoutes(deps));
  await app.register(objectionsRoutes(deps));
  await app.register(rectificationRoutes(deps));
  await app.register(innovationRoutes(deps));
  await app.register(innovationScoringRoutes(deps));
  await app.register(inquiriesRoutes(deps));
  await app.register(surveysRoutes(deps));
  await app.register(pollRoutes(deps));
  await app.register(paperRoutes(deps));
  await app.register(commentsRoutes(deps));
  await app.register(jobsRoutes(deps));

  if (opts.webDist && existsSync(join(opts.webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: opts.webDist,
      wildcard: false,
      index: 'index.html',
      // The build writes .br and .gz beside each asset (apps/web/build/precompress.ts).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => res.header('cache-control', assetCaching(path)),
    });
  }

  // Background jobs run on pg-boss in this process; the queue stops when the app closes.
  const handlers = jobHandlers(deps, jobKindDefs, (err, id) => app.log.error({ err, job: id }, 'job failed'));
  deps.jobs = await startQueue(opts.database, handlers, (err) => app.log.warn({ err }, 'job queue'));
  const queue = deps.jobs;
  app.addHook('onClose', () => queue.stop());
  return app;
}
