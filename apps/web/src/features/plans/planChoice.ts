/**
 * Which plans a page offers and which one it opens with (issue 8 point 6, Z7): a system has one
 * yearly plan per year and any number of ad-hoc (专项 / 不定期) plans active beside it. Pure: the
 * picker component and its URL hook live in PlanPicker.tsx.
 */
import type { PlanSummary } from '@jixiao/contracts';

export interface PlanOffer {
  /** Also offer archived plans (the results of earlier years); drafts are never offered. */
  includeArchived?: boolean;
}

/**
 * The plans to offer, in display order: active before archived, the latest year first, the
 * yearly plan before the ad-hoc plans of its year, then by name and id.
 */
export function offeredPlans(plans: readonly PlanSummary[], offer: PlanOffer = {}): PlanSummary[] {
  const rank = (p: PlanSummary) => (p.status === 'active' ? 0 : 1);
  return plans
    .filter((p) => p.status === 'active' || (offer.includeArchived && p.status === 'archived'))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        b.year - a.year ||
        Number(!!a.adHoc) - Number(!!b.adHoc) ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        a.id - b.id,
    );
}

/** The plan a page shows: the one the URL names when it is offered, else the first offered. */
export function choosePlan(
  offered: readonly PlanSummary[],
  requested: number | undefined,
): PlanSummary | undefined {
  return (requested !== undefined && offered.find((p) => p.id === requested)) || offered[0];
}

/** The `?plan=` value of a URL: a positive integer, else undefined. */
export function planParam(raw: string | null): number | undefined {
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n > 0 ? n : undefined;
}

export interface PlanOptionGroup {
  /** i18n key of the group's title. */
  titleKey: 'planPicker.active' | 'planPicker.archived';
  plans: PlanSummary[];
}

/** Offered plans split into the active ones and (if any) the archived ones, order kept. */
export function planOptionGroups(offered: readonly PlanSummary[]): PlanOptionGroup[] {
  const active = offered.filter((p) => p.status === 'active');
  const archived = offered.filter((p) => p.status !== 'active');
  return [
    ...(active.length ? [{ titleKey: 'planPicker.active' as const, plans: active }] : []),
    ...(archived.length ? [{ titleKey: 'planPicker.archived' as const, plans: archived }] : []),
  ];
}

/** The i18n key of a plan's kind tag: 年度 for the yearly plan, 专项 for an ad-hoc one. */
export const planKindKey = (p: Pick<PlanSummary, 'adHoc'>) =>
  p.adHoc ? 'planPicker.adHoc' : 'planPicker.yearly';
