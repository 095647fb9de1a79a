import type { BallotForm } from '@jixiao/contracts';
import { Button, Card, Form, type FormInstance, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.js';
import { QuestionField } from './QuestionField.js';

/**
 * One ballot as a voter fills it in, whatever the channel (code, e-poll): whom it rates, the
 * questions, a named campaign's voter fields, and `extra` before the submit button (the captcha).
 */
export function BallotFormCard({
  ballot,
  form,
  errors,
  pending,
  onSubmit,
  extra,
}: {
  ballot: BallotForm;
  form: FormInstance;
  /** A problem per question id, already in the reader's language. */
  errors: Map<string, string>;
  pending: boolean;
  onSubmit: (values: Record<string, unknown>) => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('ballot.error.required') }];
  return (
    <Card
      title={ballot.campaign}
      extra={
        <Typography.Text type="secondary">
          {t('ballot.closesAt', { time: formatDateTime(ballot.closesAt) })}
        </Typography.Text>
      }
    >
      <Typography.Paragraph>
        {t('ballot.group', { group: ballot.group })}
        {ballot.unit && (
          <>
            <br />
            <Typography.Text strong data-testid="ballot-unit">
              {t('ballot.rates', { unit: ballot.unit.name })}
            </Typography.Text>
          </>
        )}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        {ballot.questions.map((q, i) => (
          <QuestionField key={q.id} q={q} index={i} error={errors.get(q.id)} />
        ))}
        {ballot.named && (
          <>
            <Typography.Paragraph type="secondary">{t('ballot.namedHint')}</Typography.Paragraph>
            <Form.Item name={['voter', 'name']} label={t('ballot.voterName')} rules={required}>
              <Input maxLength={50} autoComplete="name" data-testid="voter-name" />
            </Form.Item>
            <Form.Item name={['voter', 'contact']} label={t('ballot.voterContact')} rules={required}>
              <Input maxLength={50} autoComplete="tel" data-testid="voter-contact" />
            </Form.Item>
          </>
        )}
        {extra}
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={pending}
          data-testid="ballot-submit"
        >
          {pending ? t('ballot.submitting') : t('ballot.submit')}
        </Button>
      </Form>
    </Card>
  );
}
