import type { VerificationMethod, VerificationRecord } from '@jixiao/contracts';
import type { Executor } from '../../db/client.js';
import { presentEvidence } from '../submissions/present.js';
import * as subRepo from '../submissions/submissions.repository.js';
import * as repo from './verification.repository.js';

/** The checks of some submissions with their evidence, as the API shows them (read by submissions too). */
export async function verificationsOf(db: Executor, submissionIds: number[]): Promise<VerificationRecord[]> {
  const rows = await repo.listVerifications(db, submissionIds);
  const files = await subRepo.listEvidence(
    db,
    'verification',
    rows.map((r) => r.id),
  );
  return rows.map((v) => ({
    id: v.id,
    submissionId: v.submissionId,
    method: v.method as VerificationMethod,
    result: v.result as 'pass' | 'fail',
    note: v.note,
    correctedValue: v.correctedValue,
    sampleId: v.sampleId,
    verifiedAt: v.verifiedAt.toISOString(),
    verifiedBy: v.verifiedBy,
    evidence: files.filter((f) => f.ownerId === v.id).map(presentEvidence),
  }));
}
