import type { Inquiry } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Empty, Input, List, Space } from 'antd';
import { useState } from 'react';
import { FilePicker } from '../../shared/FilePicker.js';
import { useFeedback } from '../../shared/feedback.js';
import { queryRows } from '../../shared/QueryState.js';
import { inquiryApi, inquiryKeys, useInquiries } from './api.js';
import { InquiryCard } from './InquiryCard.js';

/** The unit's answer to one open inquiry: evidence files first, then the text. */
function AnswerForm({ i }: { i: Inquiry }) {
  const { t, message, showError, queryClient } = useFeedback();
  const [text, setText] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: inquiryKeys.all });
  const upload = useMutation({
    mutationFn: (file: File) => inquiryApi.evidence(i.id, file),
    onSuccess: () => {
      message.success(t('inquiries.uploaded'));
      void refresh();
    },
    onError: showError,
  });
  const answer = useMutation({
    mutationFn: () => inquiryApi.answer(i, text),
    onSuccess: () => {
      message.success(t('inquiries.answered'));
      void refresh();
    },
    onError: showError,
  });
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      <Input.TextArea
        rows={3}
        maxLength={4000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('inquiries.answerPlaceholder')}
        data-testid={`inquiry-answer-text-${i.id}`}
      />
      <Space wrap>
        <FilePicker onFile={(f) => upload.mutate(f)} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx">
          <Button size="small" loading={upload.isPending} data-testid={`inquiry-upload-${i.id}`}>
            {t('inquiries.upload')}
          </Button>
        </FilePicker>
        <Button
          size="small"
          type="primary"
          disabled={!text.trim()}
          loading={answer.isPending}
          onClick={() => answer.mutate()}
          data-testid={`inquiry-answer-submit-${i.id}`}
        >
          {t('inquiries.submitAnswer')}
        </Button>
      </Space>
    </Space>
  );
}

/** 我的质询: the unit's inquiries as cards (a phone's width), answered before their deadline. */
export function UnitInquiries() {
  const { t } = useFeedback();
  const list = useInquiries({});
  return (
    <Card size="small">
      <List
        {...queryRows(list, <Empty description={t('inquiries.none')} />)}
        data-testid="inquiry-list"
        renderItem={(i) => (
          <List.Item key={i.id} style={{ display: 'block' }}>
            <InquiryCard i={i} actions={i.can.answer && <AnswerForm i={i} />} />
          </List.Item>
        )}
      />
    </Card>
  );
}
