/** Nested dictionaries of UI and template texts, addressed by dotted keys ('steps.ratio'). */

/** The value at a dotted key, or undefined. */
export function dictLookup(dict: unknown, key: string): unknown {
  let v = dict;
  for (const part of key.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

/** The dotted key of every leaf: what two languages' dictionaries must share. */
export function dictKeys(dict: unknown, prefix = ''): string[] {
  return dict && typeof dict === 'object'
    ? Object.entries(dict).flatMap(([k, v]) => dictKeys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];
}
