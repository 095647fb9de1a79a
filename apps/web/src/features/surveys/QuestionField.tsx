import type { RatingScale, ResolvedQuestion } from '@jixiao/contracts';
import { Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A rating's choices: labelled options, or each number of the range. */
function ratingOptions(scale: RatingScale) {
  return scale.kind === 'labels'
    ? scale.options.map((o) => ({ value: o.code, label: o.label }))
    : Array.from({ length: scale.max - scale.min + 1 }, (_, i) => ({
        value: scale.min + i,
        label: String(scale.min + i),
      }));
}

function Rating({ scale, name, testId }: { scale: RatingScale; name: (string | number)[]; testId: string }) {
  return (
    <Form.Item name={name} noStyle>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        options={ratingOptions(scale)}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** One question of a ballot, as the phone shows it; `error` is the server's refusal of it. */
export function QuestionField({ q, index, error }: { q: ResolvedQuestion; index: number; error?: string }) {
  const { t } = useTranslation();
  const label = (
    <span>
      {index + 1}. {q.title}{' '}
      <Typography.Text type="secondary">
        {q.required ? t('ballot.required') : t('ballot.optional')}
      </Typography.Text>
    </span>
  );
  const status = { validateStatus: error ? ('error' as const) : undefined, help: error };
  switch (q.type) {
    case 'rating':
      return (
        <Form.Item label={label} {...status}>
          <Rating scale={q.scale} name={[q.id]} testId={`q-${q.id}`} />
        </Form.Item>
      );
    case 'single':
      return (
        <Form.Item label={label} name={q.id} {...status}>
          <Radio.Group data-testid={`q-${q.id}`}>
            <Space orientation="vertical">
              {q.options.map((o) => (
                <Radio key={o.code} value={o.code}>
                  {o.label}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
      );
    case 'multiple':
      return (
        <Form.Item
          label={label}
          name={q.id}
          extra={q.maxChoices ? t('ballot.maxChoices', { max: q.maxChoices }) : undefined}
          {...status}
        >
          <Checkbox.Group
            options={q.options.map((o) => ({ value: o.code, label: o.label }))}
            data-testid={`q-${q.id}`}
          />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item label={label} name={q.id} {...status}>
          <Input.TextArea rows={3} maxLength={q.maxLength} showCount data-testid={`q-${q.id}`} />
        </Form.Item>
      );
    case 'matrix':
      return (
        <Form.Item label={label} {...status}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {q.rows.map((row) => (
              <div key={row.code}>
                <Typography.Text>{row.label}</Typography.Text>
                <div>
                  <Rating scale={q.scale} name={[q.id, row.code]} testId={`q-${q.id}-${row.code}`} />
                </div>
              </div>
            ))}
          </Space>
        </Form.Item>
      );
  }
}
