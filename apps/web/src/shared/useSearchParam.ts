import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * One parameter of the address (`?period=`) as a page's state: setting it keeps the other
 * parameters and replaces the history entry; setting nothing removes it.
 */
export function useSearchParam(name: string): [string | undefined, (value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | undefined) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams, name],
  );
  return [params.get(name) ?? undefined, set];
}
