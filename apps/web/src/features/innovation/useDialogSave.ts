import { useMutation } from '@tanstack/react-query';
import { useFeedback } from '../../shared/feedback.js';
import { innovationKeys } from './api.js';

/**
 * The save of an innovation dialog: once the server took it, 已保存, every innovation query
 * refreshed and the dialog closed; a refusal is said in the reader's language.
 */
export function useDialogSave<V, R>(mutationFn: (values: V) => Promise<R>, onClose: () => void) {
  const { t, message, showError, queryClient } = useFeedback();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      message.success(t('innovation.saved'));
      void queryClient.invalidateQueries({ queryKey: innovationKeys.all });
      onClose();
    },
    onError: showError,
  });
}
