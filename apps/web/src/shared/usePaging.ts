import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Pages of a list the server pages (audit log, users): the page and its size to ask for, and the
 * table's pager for `total` rows (a new page size starts again at page 1).
 */
export function usePaging(initialSize: number) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  const pagination = (total: number): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (p, s) => {
      setPage(s !== pageSize ? 1 : p);
      setPageSize(s);
    },
  });
  return { page, pageSize, setPage, pagination };
}
