import type { Submission } from '@jixiao/contracts';
import type * as repo from './submissions.repository.js';

/** Rows as the API shows them (submissions, their evidence). Pure. */
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentEvidence = (e: repo.EvidenceRow) => ({
  id: e.id,
  fileName: e.fileName,
  contentType: e.contentType,
  size: e.size,
  sha256: e.sha256,
  uploadedAt: e.uploadedAt.toISOString(),
  uploadedBy: e.uploadedBy,
});

export function present(s: repo.SubmissionRow, evidenceCount = 0): Submission {
  return {
    id: s.id,
    planId: s.planId,
    unitId: s.unitId,
    indicator: s.indicator,
    period: s.period,
    value: s.value,
    measureUnit: s.measureUnit,
    note: s.note,
    status: s.status as Submission['status'],
    source: s.source as Submission['source'],
    returnReason: s.returnReason,
    late: s.late,
    submittedAt: iso(s.submittedAt),
    submittedBy: s.submittedBy,
    verifiedAt: iso(s.verifiedAt),
    verifiedBy: s.verifiedBy,
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
    evidenceCount,
  };
}
