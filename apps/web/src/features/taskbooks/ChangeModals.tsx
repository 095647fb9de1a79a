import type { TaskBookDetail, TaskTarget } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { CompactTable } from '../../shared/CompactTable.js';
import { useFeedback } from '../../shared/feedback.js';
import { ReasonInput } from '../../shared/ReasonInput.js';
import { tbApi } from './api.js';
import { fmt, inputOf } from './targets.js';

export function ChangeRequestModal({
  book,
  onClose,
  onDone,
}: {
  book: TaskBookDetail;
  onClose: () => void;
  onDone: (next: TaskBookDetail) => void;
}) {
  const { t, message, showError } = useFeedback();
  const [reason, setReason] = useState('');
  const [proposed, setProposed] = useState<Map<string, number | null>>(new Map());
  const send = useMutation({
    mutationFn: () => {
      const targets = book.targets
        .filter((x) => proposed.has(x.indicator) && proposed.get(x.indicator) !== x.target)
        .map((x) => ({ ...inputOf(x), target: proposed.get(x.indicator) ?? null }));
      return tbApi.requestChange(book.id, reason.trim(), targets);
    },
    onSuccess: (next) => {
      message.success(t('taskbooks.changeSent'));
      onDone(next);
    },
    onError: showError,
  });
  const changed = book.targets.filter(
    (x) => proposed.has(x.indicator) && proposed.get(x.indicator) !== x.target,
  ).length;
  return (
    <Modal
      open
      width={820}
      title={t('taskbooks.changeTitle')}
      onCancel={onClose}
      confirmLoading={send.isPending}
      okButtonProps={{ disabled: !reason.trim() || changed === 0, 'data-testid': 'tb-change-ok' }}
      onOk={() => send.mutate()}
    >
      <Form layout="vertical">
        <Form.Item label={t('taskbooks.changeReason')} required>
          <ReasonInput testId="tb-change-reason" rows={2} max={1000} value={reason} onChange={setReason} />
        </Form.Item>
        <Form.Item
          label={t('taskbooks.changeProposed')}
          help={changed === 0 ? t('taskbooks.changeNone') : undefined}
        >
          <CompactTable<TaskTarget>
            rowKey="indicator"
            dataSource={book.targets}
            scroll={{ y: 360 }}
            columns={[
              { title: t('taskbooks.col.code'), dataIndex: 'indicator', width: 110 },
              { title: t('taskbooks.col.name'), dataIndex: 'name' },
              { title: t('taskbooks.col.target'), dataIndex: 'target', width: 110, render: fmt },
              {
                title: t('taskbooks.changeProposed'),
                key: 'proposed',
                width: 150,
                render: (_, x) => (
                  <InputNumber
                    data-testid="tb-change-target"
                    value={proposed.has(x.indicator) ? proposed.get(x.indicator) : x.target}
                    onChange={(n) =>
                      setProposed((m) => new Map(m).set(x.indicator, typeof n === 'number' ? n : null))
                    }
                  />
                ),
              },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
