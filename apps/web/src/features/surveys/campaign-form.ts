import type { CampaignCreate, CampaignDetail } from '@jixiao/contracts';
import { beijingToIso, formatDateTime } from '../../shared/format.js';

/**
 * The campaign form's pure parts (issue 10 point 2): a campaign as form values and back (times
 * entered in Beijing time), the plan's survey indicators, and the plan system's units by group.
 */

export type GroupValues = CampaignCreate['groups'][number];

/** The form's values: the body to send, times as Beijing wall clock (`2026-12-01 09:00`). */
export type CampaignValues = Omit<CampaignCreate, 'opensAt' | 'closesAt' | 'groups'> & {
  opensAt: string;
  closesAt: string;
  groups: GroupValues[];
};

/** A new campaign of a plan: year end, anonymous, mean, 1 December to 31 December (Beijing). */
export function newCampaign(planId: number, year: number): CampaignValues {
  return {
    planId,
    name: '',
    kind: 'year_end',
    period: `${year}-Y`,
    indicator: null,
    anonymous: true,
    method: 'mean',
    shareFrom: 60,
    opensAt: `${year}-12-01 00:00`,
    closesAt: `${year}-12-31 23:59`,
    groups: [],
  };
}

/** A stored campaign as form values (its groups without their ids and code counts). */
export function valuesOf(c: CampaignDetail): CampaignValues {
  return {
    planId: c.planId,
    name: c.name,
    kind: c.kind,
    period: c.period,
    indicator: c.indicator,
    anonymous: c.anonymous,
    method: c.method,
    shareFrom: c.shareFrom,
    opensAt: formatDateTime(c.opensAt),
    closesAt: formatDateTime(c.closesAt),
    groups: c.groups.map((g) => ({
      code: g.code,
      name: g.name,
      kind: g.kind,
      weight: g.weight,
      minSample: g.minSample,
      indicator: g.indicator,
      questionnaireId: g.questionnaireId,
      unitIds: g.unitIds,
      channel: g.channel,
    })),
  };
}

/**
 * The body of a create: times read as Beijing time (+08:00, whatever the browser's zone), an
 * unset indicator as null. A time that is not one is sent as typed, for the server to refuse.
 */
export function bodyOf(v: CampaignValues): CampaignCreate {
  return {
    ...v,
    indicator: v.indicator ?? null,
    opensAt: beijingToIso(v.opensAt) ?? v.opensAt,
    closesAt: beijingToIso(v.closesAt) ?? v.closesAt,
    groups: v.groups.map((g) => ({ ...g, indicator: g.indicator ?? null, unitIds: g.unitIds ?? [] })),
  };
}

/** The body of an edit (PUT): the same without the plan, with the version read. */
export function updateOf(v: CampaignValues, version: number) {
  const { planId: _plan, ...rest } = bodyOf(v);
  return { ...rest, version };
}

/** A new rater group: the public by code, weight 1, the next unused code. */
export function newGroup(groups: readonly Partial<GroupValues>[]): Partial<GroupValues> {
  const used = new Set(groups.map((g) => g.code));
  let n = groups.length + 1;
  while (used.has(`g${n}`)) n++;
  return {
    code: `g${n}`,
    name: '',
    kind: 'public',
    channel: 'code',
    weight: 1,
    minSample: 0,
    indicator: null,
    unitIds: [],
  };
}

type Method = { kind?: string };
type DocIndicator = {
  code: string;
  name: string;
  parent?: string;
  method?: Method;
  subItems?: { code: string; name: string; method?: Method }[];
};

/**
 * The plan's survey indicators: the leaves (indicators without children, or their sub-items
 * `IND.SUB`) scored by the satisfaction method, which a campaign or a group may score.
 */
export function surveyLeaves(doc: { indicators?: unknown } | undefined): { code: string; name: string }[] {
  const indicators = (Array.isArray(doc?.indicators) ? doc.indicators : []) as DocIndicator[];
  const parents = new Set(indicators.flatMap((i) => (i.parent ? [i.parent] : [])));
  const out: { code: string; name: string }[] = [];
  for (const ind of indicators) {
    if (parents.has(ind.code)) continue;
    if (ind.subItems?.length) {
      for (const s of ind.subItems)
        if ((s.method ?? ind.method)?.kind === 'satisfaction')
          out.push({ code: `${ind.code}.${s.code}`, name: `${ind.name} · ${s.name}` });
    } else if (ind.method?.kind === 'satisfaction') out.push({ code: ind.code, name: ind.name });
  }
  return out;
}

interface Coded {
  id: number;
  code: string;
  name: string;
}

/**
 * The units of a plan's evaluation system by org group (categories of the system → their groups →
 * the units in them): the rater groups' unit picker and its "all units of group X" shortcuts.
 */
export function unitsBySystemGroup(
  systemId: number,
  categories: readonly (Coded & { systemId: number })[],
  groups: readonly (Coded & { categoryId: number })[],
  units: readonly (Coded & { groupId: number | null })[],
): { group: Coded; units: Coded[] }[] {
  const cats = new Set(categories.filter((c) => c.systemId === systemId).map((c) => c.id));
  return groups
    .filter((g) => cats.has(g.categoryId))
    .map((g) => ({ group: g, units: units.filter((u) => u.groupId === g.id) }))
    .filter((x) => x.units.length > 0);
}
