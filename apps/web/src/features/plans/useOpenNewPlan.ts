import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { planKeys } from './api.js';

/**
 * After a plan is created or cloned: say so (`done`, an i18n key), refresh the plan lists, close
 * the dialog and open the new plan's editor.
 */
export function useOpenNewPlan(onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (done: string) => async (p: { id: number } | undefined) => {
    message.success(t(done));
    await queryClient.invalidateQueries({ queryKey: planKeys.all });
    onClose();
    if (p?.id) navigate(`/plans/${p.id}`);
  };
}
