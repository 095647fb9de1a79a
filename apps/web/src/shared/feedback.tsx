import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api.js';
import { describeError } from './errors.js';

/**
 * The i18n key of a problem code the server sends as `{ code, params }` in an error's details:
 * `paper.not_ready` → `paper.error.not_ready` (the ballot's own `survey.*` codes read as `ballot.error.*`).
 */
export const problemKey = (code: string) =>
  code.replace(/^(\w+)\./, (_, part: string) => `${part === 'survey' ? 'ballot' : part}.error.`);

/** The details' coded problems in the reader's language, when every one of them has a text. */
function codedProblems(t: TFunction, details: unknown): string | undefined {
  const list = (Array.isArray(details) ? details : [details]) as { code?: unknown; params?: unknown }[];
  const texts = list.map((d) => {
    if (!d || typeof d.code !== 'string' || !d.code.includes('.')) return '';
    return t(problemKey(d.code), { ...((d.params as object) ?? {}), defaultValue: '' });
  });
  return texts.length && texts.every(Boolean) ? [...new Set(texts)].slice(0, 5).join('；') : undefined;
}

/** Translates any thrown value into one user-facing sentence. */
export function formatError(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const coded = codedProblems(t, err.details);
    if (coded) return coded;
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
