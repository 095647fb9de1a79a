import type { QuestionInput } from '@jixiao/contracts';
import { Card, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QuestionField } from '../surveys/QuestionField.js';
import { previewQuestions } from './builder-model.js';

const SAMPLES = [1, 2, 3];

/**
 * The questionnaire as a voter's phone shows it: the ballot page's own question fields inside a
 * 375 px frame, matrix rows filled with sample units and work items.
 */
export function PhonePreview({ name, questions }: { name: string; questions: QuestionInput[] }) {
  const { t } = useTranslation();
  const sample = {
    units: SAMPLES.map((n) => ({ code: `U${n}`, label: t('questionnaires.sampleUnit', { n }) })),
    workItems: SAMPLES.map((n) => ({ code: `W${n}`, label: t('questionnaires.sampleWorkItem', { n }) })),
  };
  return (
    <div
      data-testid="phone-preview"
      style={{
        width: 375,
        maxWidth: '100%',
        height: 667,
        overflowY: 'auto',
        border: '8px solid #222',
        borderRadius: 24,
        padding: 12,
        background: '#fff',
      }}
    >
      <Typography.Title level={5}>{t('ballot.title')}</Typography.Title>
      <Card size="small" title={name || t('questionnaires.untitled')}>
        <Form layout="vertical">
          {previewQuestions(questions, sample).map((q, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a draft may repeat an id until it is checked
            <QuestionField key={i} q={q} index={i} />
          ))}
        </Form>
      </Card>
    </div>
  );
}
