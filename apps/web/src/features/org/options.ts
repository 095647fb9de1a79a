import type { Category, EvaluationSystem, Group } from '@jixiao/contracts';

export interface GroupedOptions {
  label: string;
  title: string;
  options: { value: number; label: string }[];
}

/** Group choices for a node: groups of the categories of its system (all systems when none chosen). */
export function groupOptions(
  systemId: number | null | undefined,
  categories: readonly Category[],
  groups: readonly Group[],
): GroupedOptions[] {
  const cats = categories.filter((c) => systemId == null || c.systemId === systemId);
  return cats
    .map((c) => ({
      label: c.name,
      title: c.name,
      options: groups.filter((g) => g.categoryId === c.id).map((g) => ({ value: g.id, label: g.name })),
    }))
    .filter((c) => c.options.length > 0);
}

/** The evaluation systems as select choices. */
export function systemOptions(systems: readonly EvaluationSystem[]) {
  return systems.map((s) => ({ value: s.id, label: s.name }));
}

/** Rows for the system → category → group table. */
export interface HierarchyRow {
  key: string;
  type: 'system' | 'category' | 'group';
  id: number;
  code: string;
  name: string;
  version: number;
  ownerOrgId?: number | null;
  children?: HierarchyRow[];
}

export function buildHierarchy(
  systems: readonly EvaluationSystem[],
  categories: readonly Category[],
  groups: readonly Group[],
): HierarchyRow[] {
  /** One row of the tree; its key is the level's initial and the id (g3, c2, s1). */
  const row = (
    type: HierarchyRow['type'],
    x: { id: number; code: string; name: string; version: number },
    children: HierarchyRow[] = [],
  ): HierarchyRow => ({
    key: `${type[0]}${x.id}`,
    type,
    id: x.id,
    code: x.code,
    name: x.name,
    version: x.version,
    ...(children.length ? { children } : {}),
  });
  const groupRows = (categoryId: number) =>
    groups.filter((g) => g.categoryId === categoryId).map((g) => row('group', g));
  const categoryRows = (systemId: number) =>
    categories.filter((c) => c.systemId === systemId).map((c) => row('category', c, groupRows(c.id)));
  return systems.map((s) => ({ ...row('system', s, categoryRows(s.id)), ownerOrgId: s.ownerOrgId }));
}
