import type { RankedGroup, UnitScore } from '@jixiao/contracts';

/**
 * A result as it is printed: per leaf group, in the plan's order (groups the plan no longer names
 * follow in the order they appear), the units in published order (placement: grade first, vetoed
 * units last within their grade), each with its total, rank and grade only.
 */
export function rankedGroups(
  units: readonly UnitScore[],
  planGroups: readonly { code: string; name: string }[],
): RankedGroup[] {
  const nameOf = new Map(planGroups.map((g) => [g.code, g.name]));
  const codes = [...new Set([...planGroups.map((g) => g.code), ...units.map((u) => u.group)])];
  return codes.flatMap((code) => {
    const members = units
      .filter((u) => u.group === code)
      .sort((a, b) => a.placement - b.placement || a.unit.localeCompare(b.unit));
    if (members.length === 0) return [];
    return [
      {
        code,
        name: nameOf.get(code) ?? code,
        units: members.map((u) => ({
          unit: u.unit,
          name: u.name,
          total: u.total,
          rank: u.rank,
          grade: u.grade && { code: u.grade.code, name: u.grade.name, color: u.grade.color },
        })),
      },
    ];
  });
}

/** The groups a plan document names (a stored document is untyped JSON). */
export const planGroupsOf = (doc: unknown): { code: string; name: string }[] =>
  ((doc as { groups?: { code: string; name: string }[] } | null)?.groups ?? []).map((g) => ({
    code: g.code,
    name: g.name,
  }));
