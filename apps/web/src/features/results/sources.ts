/**
 * Where each number of a trace came from (issue 8 point 1): one label (i18n key + params) and,
 * where the row can be opened, a link. Pure and tested; TraceView and the live page's
 * lost-points list render it through SourceList.tsx.
 */
import { hotlineFields as HOTLINE_FIGURES, type ValueSource } from '@jixiao/contracts';
import { withQuery } from '../../shared/api.js';

export interface SourceContext {
  planId: number;
  /** The unit's code (the trace's unit). */
  unit: string;
  /** The unit's org-node id, when known (the events page filters by it). */
  unitId?: number | null;
}

export interface SourceLink {
  to: string;
  /** The permission the page needs: the link is shown as plain text without it. */
  permission: string;
}

export interface SourceLabel {
  /** Stable React key. */
  key: string;
  kind: ValueSource['kind'];
  /** i18n key of the field (实际值, 目标值…). */
  fieldKey: string;
  /** The figure that entered the computation, formatted (empty when none). */
  value: string;
  /** i18n key and params of the origin (单位填报 2026-M10, 核验更正（原报 X）…). */
  textKey: string;
  params: Record<string, string | number>;
  link: SourceLink | null;
}

/** Policies of the plan for a missing or unusable value, each with its own sentence. */
export const MISSING_POLICIES = [
  'reweight',
  'pending',
  'zero',
  'carry_forward',
  'penalty',
  'unverified',
  'rejected',
] as const;

/** A number as a clerk writes it: at most 6 decimals, no float noise. */
export function fmtValue(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return String(Number(n.toFixed(6)));
}

/**
 * The share of the full-year target a period carries (S9), as the task book states it: twelfths
 * when it is a whole number of months (6/12), else a percentage.
 */
export function fmtShare(share: number): string {
  const months = share * 12;
  if (Math.abs(months - Math.round(months)) < 1e-9 && Math.round(months) > 0)
    return `${Math.round(months)}/12`;
  return `${Number((share * 100).toFixed(2))}%`;
}

function link(s: ValueSource, ctx: SourceContext): SourceLink | null {
  switch (s.kind) {
    case 'submission':
    case 'verification': {
      const submission = s.kind === 'submission' ? s.id : (s.submissionId ?? null);
      return {
        to: withQuery('/submissions', {
          plan: ctx.planId,
          period: s.period,
          unit: ctx.unit,
          indicator: s.indicator,
          submission,
        }),
        permission: 'submissions.read',
      };
    }
    case 'import_batch':
      return { to: withQuery('/imports', { planId: ctx.planId, batch: s.id }), permission: 'data.import' };
    case 'reference':
      // An office figure: linked to the import batch that brought it, when one did.
      return s.importBatchId
        ? {
            to: withQuery('/imports', { planId: ctx.planId, batch: s.importBatchId }),
            permission: 'data.import',
          }
        : null;
    case 'event':
      return {
        // Not `unitId`: on the events page that (with kind, points…) prefills a new event to record.
        to: withQuery('/events', { planId: ctx.planId, unit: ctx.unit, event: s.id }),
        permission: 'events.read',
      };
    case 'supervision':
      return { to: withQuery('/supervision', { item: s.id }), permission: 'supervision.manage' };
    case 'task_book':
      return { to: withQuery('/task-books', { plan: ctx.planId }), permission: 'taskbooks.read' };
    case 'survey':
      return { to: withQuery('/surveys', { plan: ctx.planId, campaign: s.id }), permission: 'surveys.read' };
    case 'hotline':
      return { to: withQuery('/hotline', { plan: ctx.planId, period: s.period }), permission: 'data.import' };
    default:
      return null;
  }
}

function text(s: ValueSource): { textKey: string; params: Record<string, string | number> } {
  const period = s.period ?? '';
  const id = s.id ?? '';
  switch (s.kind) {
    case 'submission':
      return { textKey: 'sources.submission', params: { period } };
    case 'verification':
      return s.submitted !== null && s.submitted !== undefined && s.submitted !== s.value
        ? { textKey: 'sources.verificationCorrected', params: { period, submitted: fmtValue(s.submitted) } }
        : { textKey: 'sources.verification', params: { period } };
    case 'import_batch':
      return { textKey: 'sources.importBatch', params: { id, period } };
    case 'task_book':
      return typeof s.fullTarget === 'number' && typeof s.share === 'number' && s.share !== 1
        ? {
            textKey: 'sources.taskBookShare',
            params: { full: fmtValue(s.fullTarget), share: fmtShare(s.share) },
          }
        : { textKey: 'sources.taskBook', params: {} };
    case 'supervision':
      return { textKey: 'sources.supervision', params: { id } };
    case 'reference':
      return { textKey: 'sources.reference', params: { period } };
    case 'event':
      return { textKey: 'sources.event', params: { id } };
    case 'half_year':
      return { textKey: 'sources.halfYear', params: { period } };
    case 'survey':
      return s.value === null
        ? { textKey: 'sources.surveyShort', params: { id } }
        : { textKey: 'sources.survey', params: { id, period, n: s.n ?? 0 } };
    case 'hotline': {
      const figure = (HOTLINE_FIGURES as readonly (string | null | undefined)[]).includes(s.figure)
        ? s.figure!
        : 'other';
      return { textKey: `sources.hotline.${figure}`, params: { period, n: s.n ?? 0 } };
    }
    case 'missing': {
      const policy = s.policy ?? '';
      return (MISSING_POLICIES as readonly string[]).includes(policy)
        ? { textKey: `sources.missing.${policy}`, params: {} }
        : { textKey: 'sources.missing.other', params: { policy: policy || '—' } };
    }
    default:
      return { textKey: 'sources.unknown', params: { kind: String(s.kind) } };
  }
}

/** One source's label and link. */
export function describeSource(s: ValueSource, ctx: SourceContext, index = 0): SourceLabel {
  return {
    key: `${s.indicator ?? '-'}|${s.field}|${s.kind}|${s.id ?? index}|${index}`,
    kind: s.kind,
    fieldKey: `sources.fields.${s.field}`,
    value: s.kind === 'missing' ? '' : fmtValue(s.value),
    ...text(s),
    link: link(s, ctx),
  };
}

/** The sources of one indicator (or sub-item, `indicator.sub`), in the order given. */
export function sourcesOf(sources: readonly ValueSource[] | undefined, code: string): ValueSource[] {
  return (sources ?? []).filter((s) => s.indicator === code);
}

/** Sources not tied to any of the given leaves (events, half-year figures…): shown on their own. */
export function otherSources(
  sources: readonly ValueSource[] | undefined,
  codes: Iterable<string>,
): ValueSource[] {
  const known = new Set(codes);
  return (sources ?? []).filter((s) => s.indicator === null || !known.has(s.indicator));
}
