/**
 * The columns of a data file (the office's data import and `jixiao evaluate`): the server reads a
 * header cell as one of them, the web names each one in its import problems.
 */
export const dataColumns = [
  'unit',
  'indicator',
  'period',
  'value',
  'kind',
  'reason',
  'group',
  'name',
  'category',
] as const;
export type DataColumn = (typeof dataColumns)[number];

/** The names a header cell may give each column (English, Chinese, an event file's names). */
export const dataColumnAliases: Record<DataColumn, readonly string[]> = {
  unit: ['unit', 'code', '单位', '单位编码'],
  indicator: ['indicator', '指标', '指标编码', 'source', 'event'],
  period: ['period', '期间', '周期'],
  value: ['value', 'points', '数值', '值', '分值'],
  kind: ['kind', '类型'],
  reason: ['reason', '事由', '原因'],
  group: ['group', '分组'],
  name: ['name', '名称', '单位名称'],
  category: ['category', '类别'],
};

/**
 * How a file's header cells name a set of columns: the whole cell as an alias, or else the one
 * column that its words name ("数值 (value)"); none when no word or more than one column matches.
 * The data import's columns are one such set, the hotline statistics' another (hotline.ts).
 */
export function columnReader<C extends string>(
  columns: readonly C[],
  aliases: Record<C, readonly string[]>,
): (cell: string) => C | undefined {
  const byAlias = new Map<string, C>();
  for (const c of columns) for (const a of aliases[c]) byAlias.set(a.toLowerCase(), c);
  return (cell) => {
    const whole = byAlias.get(cell.trim().toLowerCase());
    if (whole) return whole;
    const found = new Set<C>();
    for (const t of cell.split(/[\s()（）/|:：,，%]+/).filter(Boolean)) {
      const c = byAlias.get(t.toLowerCase());
      if (c) found.add(c);
    }
    return found.size === 1 ? [...found][0] : undefined;
  };
}

/** The data-file column a header cell names. */
export const dataColumnOf = columnReader(dataColumns, dataColumnAliases);
