import { Empty } from 'antd';
import { Navigate } from 'react-router';
import { useFeedback } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { useCalls } from './api.js';

/**
 * A menu entry of a call's page (现场答辩, 评审结果): opens it for the latest call that is not a
 * draft (the year being judged); with none, says so.
 */
export default function LatestCall({ page }: { page: 'defence' | 'results' }) {
  const { t } = useFeedback();
  const calls = useCalls();
  return (
    <QueryState query={calls} testId="latest-call">
      {(list) => {
        const call = [...list].filter((c) => c.status !== 'draft').sort((a, b) => b.year - a.year)[0];
        return call ? (
          <Navigate to={`/innovation/calls/${call.id}/${page}`} replace />
        ) : (
          <Empty description={t('innovation.noCalls')} />
        );
      }}
    </QueryState>
  );
}
