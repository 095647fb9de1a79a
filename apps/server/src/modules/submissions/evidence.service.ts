import type { EvidenceFile } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { extensionMatches, sniff } from '../../platform/files/sniff.js';
import { sha256Of } from '../../platform/files/storage.js';
import type { UploadedFile } from '../../platform/upload.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertEventEvidenceReadable } from '../events/events.policy.js';
import { visibleProject } from '../innovation/innovation-access.js';
import { reviewsUnit, visibleInquiry } from '../inquiries/inquiry-access.js';
import { visible as visibleObjection } from '../objections/objection-access.js';
import { visibleTask } from '../rectification/rectification-access.js';
import { findVerification } from '../verification/verification.repository.js';
import { readable } from './plan-context.js';
import { presentEvidence } from './present.js';
import { assertCanWrite } from './submissions.policy.js';
import * as repo from './submissions.repository.js';

/** Per file; the multipart limit of the app is the same, so larger bodies never reach us whole. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/**
 * Check a file by its content (sniffing, never the name alone): unknown content or a name whose
 * extension disagrees with the content is refused with 415 naming the file.
 */
export function checkFile(file: UploadedFile) {
  const name = file.fileName.trim();
  if (!name || name.length > 200 || /[\\/\0]/.test(name))
    throw new AppError('VALIDATION_FAILED', 'file: a file name of 1–200 characters without / or \\', [
      { path: 'file', message: 'bad file name' },
    ]);
  if (file.data.length > MAX_EVIDENCE_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', `file "${name}" is larger than 10 MiB`, [
      { path: 'file', message: 'too large' },
    ]);
  const type = sniff(file.data);
  if (!type)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `file "${name}": not a PDF, image or Office document by its content`,
      [{ path: 'file', message: 'unknown content type' }],
    );
  if (!extensionMatches(name, type))
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `file "${name}": the name does not match its content (${type})`,
      [{ path: 'file', message: `content is ${type}` }],
    );
  return { name, type };
}

/**
 * Attach a file to a record inside the caller's transaction. The same bytes twice on one record is
 * a duplicate (409); the blob itself is stored once by SHA-256 whatever the record.
 */
export async function attachEvidence(
  deps: Deps,
  tx: Executor,
  ctx: Ctx,
  owner: {
    type:
      | 'submission'
      | 'verification'
      | 'event'
      | 'objection'
      | 'rectification'
      | 'innovation_project'
      | 'inquiry';
    id: number;
  },
  file: UploadedFile,
): Promise<EvidenceFile> {
  const { name, type } = checkFile(file);
  const sha256 = sha256Of(file.data);
  if (await repo.findEvidenceBySha(tx, owner.type, owner.id, sha256))
    throw new AppError('CONFLICT', `file "${name}": duplicate — the same file is already attached`, [
      { path: 'file', message: 'duplicate' },
    ]);
  // Writing the blob first is safe: an orphan blob (if the transaction rolls back) is harmless and
  // content-addressed, and a row never points to a missing blob.
  await deps.blobs.put(file.data);
  const row = await repo.insertEvidence(tx, {
    sha256,
    size: file.data.length,
    contentType: type,
    fileName: name,
    ownerType: owner.type,
    ownerId: owner.id,
    uploadedAt: deps.now(),
    uploadedBy: ctx.actor?.username ?? null,
  });
  await recordAudit(deps, tx, ctx, {
    action: 'evidence.upload',
    objectType: 'evidence_file',
    objectId: row.id,
    after: { ...presentEvidence(row), ownerType: owner.type, ownerId: owner.id },
  });
  return presentEvidence(row);
}

type Owner = Parameters<typeof attachEvidence>[3];

/**
 * Attach an uploaded file to a record the caller may change: `check` runs before the upload is read
 * (`readFile`), so others get 404 / 403 without their bytes being taken in, and again inside the
 * transaction that attaches it.
 */
export async function attachChecked(
  deps: Deps,
  ctx: Ctx,
  owner: Owner,
  check: (db: Executor) => Promise<unknown>,
  readFile: () => Promise<UploadedFile>,
): Promise<EvidenceFile> {
  await check(deps.database.db);
  const file = await readFile();
  return deps.database.db.transaction(async (tx) => {
    await check(tx);
    return attachEvidence(deps, tx, ctx, owner, file);
  });
}

/** Those who may change the value may attach its evidence. */
async function assertEvidenceWritable(db: Executor, ctx: Ctx, id: number) {
  const { s, pc, unit } = await readable(db, ctx, id);
  const leaf = pc.leafOf.get(s.indicator);
  if (!leaf) throw notFound('Submission');
  assertCanWrite(ctx.actor!, unit, leaf, pc.plan.systemId, pc.providerOwned(leaf.code));
}

/** Attach a file to a submission; others get 404 / 403 before the upload is read (`readFile`). */
export async function uploadSubmissionEvidence(
  deps: Deps,
  ctx: Ctx,
  id: number,
  readFile: () => Promise<UploadedFile>,
) {
  return attachChecked(
    deps,
    ctx,
    { type: 'submission', id },
    (db) => assertEvidenceWritable(db, ctx, id),
    readFile,
  );
}

/** The bytes of an evidence file, for those who may read the submission it supports. */
export async function downloadEvidence(deps: Deps, ctx: Ctx, id: number) {
  const db = deps.database.db;
  const e = await repo.findEvidence(db, id);
  if (!e) throw notFound('File');
  if (e.ownerType === 'event') {
    // An event's evidence: the unit concerned, the recorder and the office (events.policy).
    await assertEventEvidenceReadable(db, ctx.actor!, e.ownerId);
    return { data: await deps.blobs.get(e.sha256), contentType: e.contentType, fileName: e.fileName };
  }
  if (e.ownerType === 'objection') {
    // An objection's evidence: whoever may see the objection (objection-access).
    await visibleObjection(db, ctx, e.ownerId);
    return { data: await deps.blobs.get(e.sha256), contentType: e.contentType, fileName: e.fileName };
  }
  if (e.ownerType === 'rectification') {
    // A rectification task's evidence: its unit, the office and the leaders (rectification-access).
    await visibleTask(db, ctx, e.ownerId);
    return { data: await deps.blobs.get(e.sha256), contentType: e.contentType, fileName: e.fileName };
  }
  if (e.ownerType === 'innovation_project') {
    // An innovation project's attachment: its unit, the office, the leaders and its judges.
    await visibleProject(db, ctx, e.ownerId);
    return { data: await deps.blobs.get(e.sha256), contentType: e.contentType, fileName: e.fileName };
  }
  if (e.ownerType === 'inquiry') {
    // An inquiry's answer evidence: its unit, its expert, the office and the leaders (inquiry-access).
    await visibleInquiry(db, ctx, e.ownerId);
    return { data: await deps.blobs.get(e.sha256), contentType: e.contentType, fileName: e.fileName };
  }
  let submissionId = e.ownerId;
  if (e.ownerType === 'verification') {
    const v = await findVerification(db, e.ownerId);
    if (!v) throw notFound('File');
    submissionId = v.submissionId;
  } else if (e.ownerType !== 'submission') throw notFound('File');
  await readable(db, ctx, submissionId).catch(async () => {
    // An expert reviewing the unit at the year end reads the evidence of its values (S11).
    const s = await repo.findSubmission(db, submissionId);
    if (!s || !(await reviewsUnit(db, ctx.actor!, s.unitId))) throw notFound('File');
  });
  return { data: await deps.blobs.get(e.sha256), contentType: e.contentType, fileName: e.fileName };
}
