import { Table, type TableProps } from 'antd';

/**
 * The app's table of a whole list: compact, on one page, scrolling sideways when its columns are
 * wider than the screen. Any prop may still be given (a fixed scroll width, pages).
 */
export function CompactTable<T extends object>(props: TableProps<T>) {
  return <Table<T> size="small" pagination={false} scroll={{ x: 'max-content' }} {...props} />;
}
