import type { ResolvedQuestion, Voter } from '@jixiao/contracts';
import { ApiError } from '../../shared/api.js';

/**
 * The ballot page's pure parts: where the code comes from, which answers to send, and how a refusal
 * reads (an i18n key and its parameters, from the server's `{ code, params }`).
 */

/** The code of a QR link `/ballot#CODE` (a fragment never reaches the server, so no log holds it). */
export const codeFromHash = (hash: string) => decodeURIComponent(hash.replace(/^#/, '')).trim();

/** Answers without the empty ones (an optional question left blank is simply not sent). */
export function answersToSend(values: Record<string, unknown>, questions: readonly ResolvedQuestion[]) {
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    const v = values[q.id];
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (q.type === 'matrix') {
      const rows = Object.fromEntries(
        Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined),
      );
      if (Object.keys(rows).length) out[q.id] = rows;
      continue;
    }
    out[q.id] = v;
  }
  return out;
}

/** A named campaign's voter fields, when the form had them. */
export function voterOf(values: Record<string, unknown>): Voter | undefined {
  const v = values.voter as Partial<Voter> | undefined;
  return v?.name && v.contact ? { name: v.name, contact: v.contact } : undefined;
}

export interface Refusal {
  key: string;
  params: Record<string, string | number>;
  /** A problem of one question (shown beside it), or of the whole ballot. */
  question?: string;
}

/** How the server's refusal of a code or a ballot reads on the page. */
export function refusals(e: unknown): Refusal[] {
  if (!(e instanceof ApiError)) return [{ key: 'ballot.error.network', params: {} }];
  const d = e.details as unknown;
  const list = Array.isArray(d) ? d : d && typeof d === 'object' ? [d] : [];
  const out: Refusal[] = [];
  for (const item of list as { code?: string; params?: Record<string, unknown> }[]) {
    if (typeof item.code !== 'string' || !item.code.startsWith('survey.')) continue;
    const params = Object.fromEntries(
      Object.entries(item.params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? v : String(v)]),
    );
    const question = typeof item.params?.question === 'string' ? item.params.question : undefined;
    out.push({
      key: `ballot.error.${item.code.slice('survey.'.length)}`,
      params,
      ...(question ? { question } : {}),
    });
  }
  if (out.length) return out;
  if (e.code === 'RATE_LIMITED') return [{ key: 'ballot.error.attempts', params: {} }];
  return [
    { key: e.code === 'VALIDATION_FAILED' ? 'ballot.error.invalid' : 'ballot.error.other', params: {} },
  ];
}
