/**
 * A new plan document with nothing in it yet but its name, year and the default settings (points
 * over 100, two decimals rounded half up at indicator and total): the web sends one for a plan
 * started empty, the server starts one with the system's own categories and groups.
 */
export function emptyPlanDocument(p: {
  id: string;
  name: string;
  year: number;
  categories?: { code: string; name: string }[];
  groups?: { code: string; name: string; category: string }[];
}): Record<string, unknown> {
  return {
    format: 'jixiao-plan/1',
    id: p.id,
    name: p.name,
    year: p.year,
    period: { granularity: 'year' },
    scoring: 'points',
    totalPoints: 100,
    rounding: { decimals: 2, mode: 'half_up', stages: ['indicator', 'total'] },
    categories: p.categories ?? [],
    groups: p.groups ?? [],
    components: [],
    indicators: [],
    grades: { levels: [] },
  };
}
