import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api.js';
import { describeError } from './errors.js';

/** Translates any thrown value into one user-facing sentence. */
export function formatError(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const { key, params } = describeError(err);
    return t(key, params ?? {});
  }
  return t('errors.UNKNOWN', { message: err instanceof Error ? err.message : String(err) });
}

let globalShowError: ((err: unknown) => void) | undefined;

/** Used by the QueryClient caches, outside React. */
export function showErrorGlobally(err: unknown) {
  globalShowError?.(err);
}

export function useShowError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback((err: unknown) => void message.error(formatError(t, err)), [message, t]);
}

/**
 * What a component that changes data answers the user with: `t`, antd's `message`, `showError`
 * (an error as one translated message) and the query cache whose lists it refreshes.
 */
export function useFeedback() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  return { t, message, showError, queryClient };
}

/** Mount once inside antd <App>: lets non-React code show messages with the current theme and language. */
export function FeedbackBridge() {
  const show = useShowError();
  useEffect(() => {
    globalShowError = show;
    return () => {
      globalShowError = undefined;
    };
  }, [show]);
  return null;
}
