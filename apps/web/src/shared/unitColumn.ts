import type { ColumnType } from 'antd/es/table';

/** The unit column of a table whose rows name their unit: "A01 某某局", sorted by code. */
export function unitColumn<T extends { unitCode: string; unitName: string }>(
  title: string,
  width?: number,
): ColumnType<T> {
  return {
    title,
    key: 'unit',
    width,
    render: (_, r) => `${r.unitCode} ${r.unitName}`,
    sorter: (a, b) => a.unitCode.localeCompare(b.unitCode),
  };
}
