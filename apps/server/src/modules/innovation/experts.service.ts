import type {
  Affiliation,
  ExpertImportPreview,
  ExpertInput,
  ExpertProfile,
  ExpertUpdate,
} from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, bad, conflict, notFound, versionConflict } from '../../platform/errors.js';
import { fieldCipher } from '../../platform/field-crypto.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import { type DataProblem, readTable } from '../imports/data-file.js';
import { checkExpertRows, EXPERT_COLUMNS, type ExpertFileRow, expertKey } from './expert-rows.js';
import * as repo from './innovation.repository.js';
import { seesContacts } from './innovation-access.js';

/**
 * The expert pool (专家库, S11, H10; issue 12 point 2): profiles with affiliation, organisation,
 * fields and availability, the units each expert belongs to or declared a conflict with, and
 * contact data sealed at rest and shown to the office only (and to the expert). Added one by one
 * or from an .xlsx / CSV file: preview with every line's problems, then all rows or none.
 */

type Contact = { phone: string | null; email: string | null };
const sealContact = (deps: Deps, c: Contact) =>
  c.phone || c.email ? fieldCipher(deps.config.secret).seal(JSON.stringify(c)) : null;
const openContact = (deps: Deps, sealed: string | null): Contact =>
  sealed
    ? (JSON.parse(fieldCipher(deps.config.secret).open(sealed)) as Contact)
    : { phone: null, email: null };

async function presentAll(deps: Deps, db: Executor, ctx: Ctx, rows: repo.ExpertListRow[]) {
  const conflicts = await repo.conflictsOf(
    db,
    rows.map((r) => r.expert.id),
  );
  const office = seesContacts(ctx.actor!);
  return rows.map(
    ({ expert: e, username, memberCode, memberName }): ExpertProfile => ({
      id: e.id,
      name: e.name,
      affiliation: e.affiliation as Affiliation,
      organisation: e.organisation,
      fields: e.fields,
      available: e.available,
      contact:
        office || (e.userId !== null && e.userId === ctx.actor!.id)
          ? openContact(deps, e.contactSealed)
          : null,
      memberUnit:
        e.memberUnitId && memberCode && memberName
          ? { unitId: e.memberUnitId, unitCode: memberCode, unitName: memberName }
          : null,
      conflicts: conflicts
        .filter((c) => c.expertId === e.id)
        .map(({ unitId, unitCode, unitName }) => ({ unitId, unitCode, unitName })),
      username: office ? username : null,
      version: e.version,
    }),
  );
}

export async function listExperts(deps: Deps, ctx: Ctx) {
  const db = deps.database.db;
  return presentAll(deps, db, ctx, await repo.listExperts(db));
}

async function presentOne(deps: Deps, db: Executor, ctx: Ctx, id: number) {
  const rows = await repo.listExperts(db, [id]);
  if (!rows.length) throw notFound('Expert');
  return (await presentAll(deps, db, ctx, rows))[0]!;
}

/** Unit codes as org node ids; an unknown code is a 400 naming `field`. */
async function unitIds(db: Executor, codes: string[], field: string) {
  const nodes = await repo.nodesByCodes(db, [...new Set(codes)]);
  const ids = new Map(nodes.map((n) => [n.code, n.id]));
  for (const c of codes) if (!ids.has(c)) throw bad(field, 'innovation.unknown_unit', { unit: c });
  return codes.map((c) => ids.get(c)!);
}

async function userIdOf(db: Executor, username: string | null | undefined) {
  if (!username) return null;
  const u = await repo.userByName(db, username);
  if (!u) throw bad('username', 'innovation.unknown_user', { username });
  return u.id;
}

async function assertNew(db: Executor, name: string, organisation: string, except?: number) {
  const key = expertKey(name, organisation);
  const same = (await repo.listExperts(db)).find(
    (r) => r.expert.id !== except && expertKey(r.expert.name, r.expert.organisation) === key,
  );
  if (same) throw conflict('innovation.expert_exists', { name, organisation, id: same.expert.id });
}

/** The audit's view of a profile: no contact data in the trail, only whether there is some. */
const audited = (e: repo.ExpertRow, conflictUnitIds?: number[]) => ({
  name: e.name,
  affiliation: e.affiliation,
  organisation: e.organisation,
  fields: e.fields,
  available: e.available,
  hasContact: e.contactSealed !== null,
  userId: e.userId,
  memberUnitId: e.memberUnitId,
  ...(conflictUnitIds && { conflictUnitIds }),
  version: e.version,
});

/** Insert profiles with their conflicts (unit codes resolved), audited one by one. */
async function insertAll(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  list: (ExpertFileRow | ExpertInput)[],
  how: string,
) {
  const codes = list.flatMap((x) => [
    ...(x.memberUnitCode ? [x.memberUnitCode] : []),
    ...x.conflictUnitCodes,
  ]);
  const ids = new Map((await repo.nodesByCodes(tx, [...new Set(codes)])).map((n) => [n.code, n.id] as const));
  const userIds = await Promise.all(list.map((x) => userIdOf(tx, 'username' in x ? x.username : null)));
  const rows = await repo.insertExperts(
    tx,
    list.map((x, i) => ({
      name: x.name,
      affiliation: x.affiliation,
      organisation: x.organisation,
      fields: x.fields,
      contactSealed: sealContact(deps, { phone: x.phone, email: x.email }),
      available: x.available,
      userId: userIds[i],
      memberUnitId: x.memberUnitCode ? ids.get(x.memberUnitCode)! : null,
    })),
  );
  const conflicts = rows.flatMap((r, i) =>
    [...new Set(list[i]!.conflictUnitCodes)].map((c) => ({ expertId: r.id, unitId: ids.get(c)! })),
  );
  await repo.insertConflicts(tx, conflicts);
  await recordAudit(
    deps,
    tx,
    ctx,
    rows.map((r) => ({
      action: how,
      objectType: 'expert',
      objectId: r.id,
      after: audited(
        r,
        conflicts.filter((c) => c.expertId === r.id).map((c) => c.unitId),
      ),
    })),
  );
  return rows;
}

export async function createExpert(deps: Deps, ctx: Ctx, b: ExpertInput) {
  return deps.database.db.transaction(async (tx) => {
    await assertNew(tx, b.name, b.organisation);
    if (b.memberUnitCode) await unitIds(tx, [b.memberUnitCode], 'memberUnitCode');
    await unitIds(tx, b.conflictUnitCodes, 'conflictUnitCodes');
    const [row] = await insertAll(deps, tx, ctx, [b], 'expert.create');
    return presentOne(deps, tx, ctx, row!.id);
  });
}

export async function updateExpert(deps: Deps, ctx: Ctx, id: number, b: ExpertUpdate) {
  return deps.database.db.transaction(async (tx) => {
    const e = await repo.findExpert(tx, id);
    if (!e) throw notFound('Expert');
    if (b.version !== e.version) throw versionConflict('The expert');
    if (b.name !== undefined || b.organisation !== undefined)
      await assertNew(tx, b.name ?? e.name, b.organisation ?? e.organisation, id);
    const patch: Partial<repo.NewExpert> = { updatedAt: deps.now() };
    for (const k of ['name', 'affiliation', 'organisation', 'fields', 'available'] as const)
      if (b[k] !== undefined) Object.assign(patch, { [k]: b[k] });
    if (b.phone !== undefined || b.email !== undefined) {
      const before = openContact(deps, e.contactSealed);
      patch.contactSealed = sealContact(deps, {
        phone: b.phone === undefined ? before.phone : b.phone,
        email: b.email === undefined ? before.email : b.email,
      });
    }
    if (b.memberUnitCode !== undefined)
      patch.memberUnitId = b.memberUnitCode
        ? (await unitIds(tx, [b.memberUnitCode], 'memberUnitCode'))[0]!
        : null;
    if (b.username !== undefined) patch.userId = await userIdOf(tx, b.username);
    const row = await repo.updateExpert(tx, id, b.version, patch);
    if (!row) throw versionConflict('The expert');
    let conflictUnitIds: number[] | undefined;
    if (b.conflictUnitCodes) {
      conflictUnitIds = [...new Set(await unitIds(tx, b.conflictUnitCodes, 'conflictUnitCodes'))];
      await repo.setConflicts(tx, id, conflictUnitIds);
    }
    const before = (await repo.conflictsOf(tx, [id])).map((c) => c.unitId);
    await recordAudit(deps, tx, ctx, {
      action: 'expert.update',
      objectType: 'expert',
      objectId: id,
      before: audited(e),
      after: audited(row, conflictUnitIds ?? before),
    });
    return presentOne(deps, tx, ctx, id);
  });
}

// --- import ----------------------------------------------------------------------------------------

async function analyse(db: Executor, file: UploadedFile) {
  const table = await readTable(file.data, EXPERT_COLUMNS);
  if (table.problems.length) return { rows: [] as ExpertFileRow[], problems: table.problems };
  const codes = table.rows.flatMap((r) => [
    ...(r.cells.memberUnit ? [r.cells.memberUnit.trim()] : []),
    ...(r.cells.conflicts ?? '').split(/[、,，;；\n]+/).map((s) => s.trim()),
  ]);
  const known = new Set(
    (await repo.nodesByCodes(db, [...new Set(codes.filter(Boolean))])).map((n) => n.code),
  );
  const existing = new Set(
    (await repo.listExperts(db)).map((r) => expertKey(r.expert.name, r.expert.organisation)),
  );
  return checkExpertRows(table.rows, known, existing);
}

/** Refused rows: 400 with every problem (line, column, code, params); nothing is stored. */
const rejected = (problems: DataProblem[]) =>
  new AppError(
    'VALIDATION_FAILED',
    `${problems.length} problem(s) in the expert file; nothing was stored. First: ${problems[0]!.message}`,
    problems.map((p) => ({ ...p, path: p.field })),
  );

/** Read and check a file; nothing is stored. */
export async function previewImport(deps: Deps, _ctx: Ctx, file: UploadedFile): Promise<ExpertImportPreview> {
  const { rows, problems } = await analyse(deps.database.db, file);
  return {
    fileName: file.fileName,
    rows: rows.map(({ phone: _, email: __, ...r }) => r),
    problems,
  };
}

/** Add every row of a file to the pool, or none (400 with every problem). */
export async function importExperts(deps: Deps, ctx: Ctx, file: UploadedFile) {
  return deps.database.db.transaction(async (tx) => {
    const { rows, problems } = await analyse(tx, file);
    if (problems.length) throw rejected(problems);
    await insertAll(deps, tx, ctx, rows, 'expert.import');
    return { created: rows.length };
  });
}
