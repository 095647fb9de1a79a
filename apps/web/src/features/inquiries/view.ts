import type { InquiryReview, InquiryStatus } from '@jixiao/contracts';

/** How the year-end review reads: pure, tested alone. */

export const STATUS_COLOR: Record<InquiryStatus, string> = {
  open: 'processing',
  overdue: 'error',
  answered: 'warning',
  closed: 'success',
  penalised: 'error',
};

type Line = InquiryReview['lines'][number];

/**
 * What an expert should look at in a line: no year value, a value short of the issued target (for
 * an indicator where higher is better we cannot know here, so only "below target" is flagged), or
 * a value without evidence. Null when nothing stands out.
 */
export function lineFlag(l: Line): 'no_value' | 'below_target' | 'no_evidence' | null {
  if (l.value === null) return 'no_value';
  if (l.target !== null && l.value < l.target) return 'below_target';
  if (l.evidence.length === 0) return 'no_evidence';
  return null;
}

/** A Beijing day `days` after `now` (the raise dialog's default deadline). */
export function beijingDayAfter(now: Date, days: number): string {
  return new Date(now.getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
