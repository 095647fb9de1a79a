import { useTranslation } from 'react-i18next';
import { useDialogSave as useSave } from '../../shared/useDialogSave.js';
import { innovationKeys } from './api.js';

/**
 * The save of an innovation dialog: the shared dialog save saying 已保存 and refreshing every
 * innovation query before it closes.
 */
export function useDialogSave<V, R>(save: (values: V) => Promise<R>, onClose: () => void) {
  const { t } = useTranslation();
  return useSave({ save, done: t('innovation.saved'), reload: [innovationKeys.all], onClose });
}
