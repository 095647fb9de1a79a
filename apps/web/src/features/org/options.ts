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
  const groupRows = (categoryId: number): HierarchyRow[] =>
    groups
      .filter((g) => g.categoryId === categoryId)
      .map((g) => ({
        key: `g${g.id}`,
        type: 'group',
        id: g.id,
        code: g.code,
        name: g.name,
        version: g.version,
      }));
  const categoryRows = (systemId: number): HierarchyRow[] =>
    categories
      .filter((c) => c.systemId === systemId)
      .map((c) => {
        const children = groupRows(c.id);
        return {
          key: `c${c.id}`,
          type: 'category',
          id: c.id,
          code: c.code,
          name: c.name,
          version: c.version,
          ...(children.length ? { children } : {}),
        };
      });
  return systems.map((s) => {
    const children = categoryRows(s.id);
    return {
      key: `s${s.id}`,
      type: 'system',
      id: s.id,
      code: s.code,
      name: s.name,
      version: s.version,
      ownerOrgId: s.ownerOrgId,
      ...(children.length ? { children } : {}),
    };
  });
}
