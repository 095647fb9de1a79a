import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';

/** Bulk import of the organisation tree from .xlsx or .csv (filled in by the import work). */
export const orgImportRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async () => {};
