/** Accepts either a bare array or a paged `{ items }` body (list endpoints may grow pagination). */
export function asList<T>(data: T[] | { items: T[] } | undefined | null): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items;
}
