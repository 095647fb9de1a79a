import type { PeriodWindow } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, DatePicker, Descriptions, Modal, Popconfirm, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../shared/api.js';
import { useFeedback } from '../../shared/feedback.js';
import { tbApi, tbKeys } from '../taskbooks/api.js';
import { cstDay, cstInstant } from './calendar.js';
import { ReopenModal } from './ReopenModal.js';
import { StateTag } from './StateTag.js';

export function WindowModal({
  w,
  planId,
  manage,
  onClose,
}: {
  w: PeriodWindow;
  planId: number;
  manage: boolean;
  onClose: () => void;
}) {
  const { t, message, showError, queryClient: qc } = useFeedback();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(cstDay(w.opensAt)), dayjs(cstDay(w.dueAt))]);
  const [reopening, setReopening] = useState(false);
  const put = (next: PeriodWindow) =>
    qc.setQueryData<PeriodWindow[]>(tbKeys.periods(planId), (list) =>
      (list ?? []).map((x) => (x.id === next.id ? next : x)),
    );
  const onError = (err: unknown) => {
    showError(err);
    if (isApiError(err) && err.status === 409)
      void qc.invalidateQueries({ queryKey: tbKeys.periods(planId) });
  };
  const update = useMutation({
    mutationFn: (body: { opensAt?: string; dueAt?: string; closed?: boolean }) =>
      tbApi.updateWindow(w.id, { ...body, version: w.version }),
    onSuccess: (next, body) => {
      message.success(
        body.closed === true
          ? t('calendar.closedOk')
          : body.closed === false
            ? t('calendar.openedOk')
            : t('calendar.saved'),
      );
      put(next);
    },
    onError,
  });
  const datesChanged =
    range[0].format('YYYY-MM-DD') !== cstDay(w.opensAt) || range[1].format('YYYY-MM-DD') !== cstDay(w.dueAt);

  return (
    <Modal open width={640} title={w.period} onCancel={onClose} footer={null} data-testid="cal-window">
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('calendar.state')}>
          <StateTag w={w} />
        </Descriptions.Item>
        <Descriptions.Item label={t('calendar.opensAt')}>{cstDay(w.opensAt)}</Descriptions.Item>
        <Descriptions.Item label={t('calendar.dueAt')}>
          <span data-testid="cal-window-due">{cstDay(w.dueAt)}</span>
        </Descriptions.Item>
        {w.reopenings.length > 0 && (
          <Descriptions.Item label={t('calendar.reopenings')}>
            <div>
              {w.reopenings.map((r) => (
                <div key={r.id}>
                  {t('calendar.reopeningItem', {
                    unit: r.unitName,
                    until: cstDay(r.until),
                    reason: r.reason,
                  })}
                </div>
              ))}
            </div>
          </Descriptions.Item>
        )}
      </Descriptions>
      {manage && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <DatePicker.RangePicker
              data-testid="cal-dates"
              allowClear={false}
              value={range}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            />
            <Button
              data-testid="cal-dates-save"
              type="primary"
              disabled={!datesChanged}
              loading={update.isPending}
              onClick={() =>
                update.mutate({
                  opensAt: cstInstant(range[0].format('YYYY-MM-DD'), 'start'),
                  dueAt: cstInstant(range[1].format('YYYY-MM-DD'), 'end'),
                })
              }
            >
              {t('calendar.edit')}
            </Button>
          </Space>
          <Space wrap>
            <Popconfirm
              title={w.closed ? t('calendar.open') : t('calendar.close')}
              onConfirm={() => update.mutate({ closed: !w.closed })}
            >
              <Button data-testid="cal-toggle" danger={!w.closed}>
                {w.closed ? t('calendar.open') : t('calendar.close')}
              </Button>
            </Popconfirm>
            {w.closed && (
              <Button data-testid="cal-reopen" onClick={() => setReopening(true)}>
                {t('calendar.reopen')}
              </Button>
            )}
          </Space>
        </Space>
      )}
      {reopening && (
        <ReopenModal
          w={w}
          planId={planId}
          onClose={() => setReopening(false)}
          onDone={(next) => {
            put(next);
            setReopening(false);
          }}
          onError={onError}
        />
      )}
    </Modal>
  );
}
