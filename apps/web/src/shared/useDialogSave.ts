import { type QueryKey, useMutation } from '@tanstack/react-query';
import { useFeedback } from './feedback.js';

/**
 * A dialog's save: on success it says `done` (text, or built from the answer), reloads the queries
 * under `reload` and closes; on failure it shows the translated error and stays open with what the
 * user typed. The dialog closes after the reload, so the page behind it is already fresh.
 */
export function useDialogSave<V, R = unknown>({
  save,
  done,
  reload = [],
  onClose,
}: {
  save: (values: V) => Promise<R>;
  done?: string | ((answer: R) => string);
  reload?: QueryKey[];
  onClose: () => void;
}) {
  const { message, showError, queryClient } = useFeedback();
  return useMutation({
    mutationFn: save,
    onSuccess: async (answer) => {
      if (done) message.success(typeof done === 'function' ? done(answer) : done);
      await Promise.all(reload.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      onClose();
    },
    onError: showError,
  });
}
