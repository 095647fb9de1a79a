import type { Executor } from '../../db/client.js';
import { type Actor, orgScope } from '../../platform/access.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { recordAudit, recordCreated } from '../audit/audit.service.js';
import * as repo from './org.repository.js';
import { requireGlobalWrite, strip } from './org.service.js';

/**
 * Classification of the evaluated (W1, S2, W8): evaluation systems, their categories and groups.
 * Changed by the office, or by whoever holds a write grant on that system.
 */

export const listSystems = (deps: Deps) => repo.listSystems(deps.database.db).then((r) => r.map(strip));
export const listCategories = (deps: Deps) => repo.listCategories(deps.database.db).then((r) => r.map(strip));
export const listGroups = (deps: Deps) => repo.listGroups(deps.database.db).then((r) => r.map(strip));

function requireSystemWrite(actor: Actor, systemId: number) {
  const scope = orgScope(actor, 'org.write');
  if (!scope.all && !scope.systemIds.includes(systemId))
    throw new AppError('FORBIDDEN', 'You may not change this evaluation system');
}

const unknownRef = (field: string, what: string) =>
  new AppError('VALIDATION_FAILED', `${field}: no such ${what}`, [
    { path: field, message: `unknown ${what}` },
  ]);

type Row = { id: number; version: number; createdAt?: unknown; updatedAt?: unknown };

/** Insert a row after checking the system it belongs to, and audit it. */
async function createRow<R extends Row>(
  deps: Deps,
  ctx: Ctx,
  spec: {
    objectType: string;
    systemOf: (tx: Executor) => Promise<number>;
    insert: (tx: Executor) => Promise<R>;
  },
) {
  return deps.database.db.transaction(async (tx) => {
    requireSystemWrite(ctx.actor!, await spec.systemOf(tx));
    const row = await spec.insert(tx);
    return recordCreated(deps, tx, ctx, spec.objectType, row.id, strip(row));
  });
}

/** Versioned update of a row after checking the system it belongs to, audited with before and after. */
async function updateRow<Row extends object, Patch>(
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: { version: number } & Patch,
  spec: {
    update: (tx: Executor, id: number, version: number, patch: Patch) => Promise<Row | undefined>;
    objectType: string;
    label: string;
    find: (tx: Executor, id: number) => Promise<Row | undefined>;
    systemOf: (tx: Executor, row: Row) => Promise<number>;
  },
) {
  return deps.database.db.transaction(async (tx) => {
    const before = await spec.find(tx, id);
    if (!before) throw notFound(spec.label);
    requireSystemWrite(ctx.actor!, await spec.systemOf(tx, before));
    const { version, ...patch } = input;
    const after = await spec.update(tx, id, version, patch as Patch);
    if (!after) throw versionConflict(`This ${spec.label.toLowerCase()}`);
    await recordAudit(deps, tx, ctx, {
      action: `${spec.objectType}.update`,
      objectType: spec.objectType,
      objectId: id,
      before: strip(before),
      after: strip(after),
    });
    return strip(after);
  });
}

export async function createSystem(
  deps: Deps,
  ctx: Ctx,
  input: { code: string; name: string; ownerOrgId?: number | null },
) {
  requireGlobalWrite(ctx.actor!, 'create evaluation systems');
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.insertSystem(tx, {
      code: input.code,
      name: input.name,
      ownerOrgId: input.ownerOrgId ?? null,
    });
    return recordCreated(deps, tx, ctx, 'system', row.id, strip(row));
  });
}

export const updateSystem = (
  deps: Deps,
  ctx: Ctx,
  id: number,
  input: { name?: string; ownerOrgId?: number | null; version: number },
) =>
  updateRow(deps, ctx, id, input, {
    update: repo.updateSystem,
    objectType: 'system',
    label: 'Evaluation system',
    find: repo.findSystem,
    systemOf: async (_, r) => r.id,
  });

export const createCategory = (
  deps: Deps,
  ctx: Ctx,
  input: { systemId: number; code: string; name: string },
) =>
  createRow(deps, ctx, {
    objectType: 'category',
    systemOf: async (tx) => {
      if (!(await repo.findSystem(tx, input.systemId))) throw unknownRef('systemId', 'evaluation system');
      return input.systemId;
    },
    insert: (tx) => repo.insertCategory(tx, input),
  });

export const updateCategory = (deps: Deps, ctx: Ctx, id: number, input: { name?: string; version: number }) =>
  updateRow(deps, ctx, id, input, {
    update: repo.updateCategory,
    objectType: 'category',
    label: 'Category',
    find: repo.findCategory,
    systemOf: async (_, r) => r.systemId,
  });

export const createGroup = (
  deps: Deps,
  ctx: Ctx,
  input: { categoryId: number; code: string; name: string },
) =>
  createRow(deps, ctx, {
    objectType: 'group',
    systemOf: async (tx) => {
      const cat = await repo.findCategory(tx, input.categoryId);
      if (!cat) throw unknownRef('categoryId', 'category');
      return cat.systemId;
    },
    insert: (tx) => repo.insertGroup(tx, input),
  });

export const updateGroup = (deps: Deps, ctx: Ctx, id: number, input: { name?: string; version: number }) =>
  updateRow(deps, ctx, id, input, {
    update: repo.updateGroup,
    objectType: 'group',
    label: 'Group',
    find: repo.findGroup,
    systemOf: async (tx, r) => (await repo.findCategory(tx, r.categoryId))!.systemId,
  });
