/** Small helpers shared by the plan checks (validate.ts and validate-rules.ts). */

export type Add = (code: string, path: string, message: string, indicator?: string) => void;

export function arr<T>(x: T[] | undefined | null): T[] {
  return Array.isArray(x) ? x : [];
}

export function dupes(items: { code: string }[], path: string, what: string, add: Add): void {
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.code)) add('duplicate', path, `${what} code ${it.code} is used twice`, it.code);
    seen.add(it.code);
  }
}
