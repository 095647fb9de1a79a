import { ReloadOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from './feedback.js';
import { asList } from './list.js';
import { type QueryLike, queryView } from './queryView.js';

type AnyQuery = QueryLike & Pick<UseQueryResult<unknown, unknown>, 'refetch' | 'isFetching'>;

export interface QueryStateProps<T> {
  /** The page's main query: its data is handed to `children` once loaded. */
  query: UseQueryResult<T, unknown>;
  /** Further queries the content needs before it can show (their data is read by the caller). */
  also?: readonly AnyQuery[];
  /**
   * The content, shown once everything is loaded. Left out, the component is only the status slot
   * of a page that renders its content itself from `query.data`.
   */
  children?: ReactNode | ((data: T) => ReactNode);
  /** Shown while a disabled query waits for its inputs (default: nothing). */
  idle?: ReactNode;
  /** Compact variant inside cards, drawers and panels. */
  inline?: boolean;
  testId?: string;
}

/**
 * One loading / error / retry state for every page: antd Spin while the first load runs (never a
 * false "empty" before data arrives), the server's message through i18n with a 重试 button that
 * refetches what failed, and the content once everything is there. When a refetch fails while
 * older data is still at hand, the content stays and a warning with 重试 sits above it.
 */
export function QueryState<T>({
  query,
  also = [],
  children,
  idle = null,
  inline,
  testId,
}: QueryStateProps<T>) {
  const { t } = useTranslation();
  const all: AnyQuery[] = [query as AnyQuery, ...also];
  const view = queryView(all);
  const retry = () => {
    for (const q of all) if (q.status === 'error') void q.refetch();
  };
  const fetching = all.some((q) => q.isFetching);
  const id = testId ?? 'query';

  if (view.kind === 'loading')
    return (
      <div
        data-testid={`${id}-loading`}
        style={{ display: 'grid', placeItems: 'center', minHeight: inline ? 80 : 240 }}
      >
        <Spin size={inline ? 'medium' : 'large'} />
      </div>
    );
  if (view.kind === 'error') {
    const retryButton = (
      <Button
        data-testid={`${id}-retry`}
        type="primary"
        icon={<ReloadOutlined />}
        loading={fetching}
        onClick={retry}
      >
        {t('queryState.retry')}
      </Button>
    );
    return inline ? (
      <Alert
        data-testid={`${id}-error`}
        type="error"
        showIcon
        title={t('common.loadFailed')}
        description={formatError(t, view.error)}
        action={retryButton}
      />
    ) : (
      <Result
        data-testid={`${id}-error`}
        status="error"
        title={t('common.loadFailed')}
        subTitle={formatError(t, view.error)}
        extra={retryButton}
      />
    );
  }
  if (view.kind === 'idle') return <>{idle}</>;
  return (
    <>
      {view.stale !== null && (
        <Alert
          data-testid={`${id}-stale`}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('queryState.stale', { message: formatError(t, view.stale) })}
          action={
            <Button size="small" icon={<ReloadOutlined />} loading={fetching} onClick={retry}>
              {t('queryState.retry')}
            </Button>
          }
        />
      )}
      {typeof children === 'function' ? children(query.data as T) : children}
    </>
  );
}

/**
 * The same state for an antd Table that renders itself: no false "empty" while the first load runs
 * (the Spin sits where rows will be), the error with 重试 in place of the rows, the table's own
 * empty text once loaded; a refetch shows the table's loading overlay over the rows it has.
 */
export function queryTable(
  query: AnyQuery,
  empty?: ReactNode,
  testId?: string,
): { loading: boolean; locale: { emptyText: ReactNode } } {
  return {
    loading: query.isFetching && query.data !== undefined,
    locale: {
      emptyText: (
        <QueryState query={query as UseQueryResult<unknown, unknown>} inline testId={testId}>
          {empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        </QueryState>
      ),
    },
  };
}

/**
 * queryTable for a query of a whole list (a bare array or a paged `{ items }`): the table's states
 * and its rows, `dataSource`.
 */
export function queryRows<T>(
  query: AnyQuery & { data: T[] | { items: T[] } | undefined },
  empty?: ReactNode,
  testId?: string,
): ReturnType<typeof queryTable> & { dataSource: T[] } {
  return { ...queryTable(query, empty, testId), dataSource: asList(query.data) };
}
