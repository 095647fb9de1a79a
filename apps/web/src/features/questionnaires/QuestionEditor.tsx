import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { QuestionInput, RatingScale } from '@jixiao/contracts';
import { Card, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../shared/IconButton.js';
import {
  type ChoiceOption,
  type Problems,
  problemsUnder,
  QUESTION_TYPES,
  questionOf,
} from './builder-model.js';
import { Field, RowsEditor, ScaleEditor } from './ListEditors.js';

type MatrixSource = 'fixed' | 'units' | 'work_items';
const SOURCES: MatrixSource[] = ['fixed', 'units', 'work_items'];

/** The fields of one question's own kind: its scale, options, limits or matrix rows. */
function KindFields({
  q,
  set,
  problems,
  testId,
}: {
  q: QuestionInput;
  set: (patch: Record<string, unknown>) => void;
  problems: Problems;
  testId: string;
}) {
  const { t } = useTranslation();
  // Rating and matrix questions both answer on a scale.
  const scaleEditor = (scale: RatingScale) => (
    <ScaleEditor
      scale={scale}
      onChange={(next) => set({ scale: next })}
      problems={problems}
      testId={testId}
    />
  );
  switch (q.type) {
    case 'rating':
      return scaleEditor(q.scale);
    case 'single':
    case 'multiple':
      return (
        <>
          <Field label={t('questionnaires.options')}>
            <RowsEditor<ChoiceOption>
              rows={q.options}
              onChange={(options) => set({ options })}
              problems={problemsUnder(problems, 'options')}
              testId={`${testId}-options`}
            />
          </Field>
          {q.type === 'multiple' && (
            <Field label={t('questionnaires.maxChoices')} problem={problems.maxChoices}>
              <InputNumber
                value={q.maxChoices}
                min={1}
                precision={0}
                placeholder={t('questionnaires.noLimit')}
                onChange={(v) => set({ maxChoices: v ?? undefined })}
              />
            </Field>
          )}
        </>
      );
    case 'text':
      return (
        <Field label={t('questionnaires.maxLength')} problem={problems.maxLength}>
          <InputNumber
            value={q.maxLength}
            min={1}
            max={2000}
            precision={0}
            onChange={(v) => set({ maxLength: v ?? undefined })}
          />
        </Field>
      );
    case 'matrix':
      return (
        <>
          {scaleEditor(q.scale)}
          <Field label={t('questionnaires.rows')}>
            <Radio.Group
              value={q.rows.source}
              onChange={(e) => {
                const source = e.target.value as MatrixSource;
                set({
                  rows: source === 'fixed' ? { source, items: [{ code: 'r1', label: '' }] } : { source },
                });
              }}
              options={SOURCES.map((s) => ({ value: s, label: t(`questionnaires.source.${s}`) }))}
              data-testid={`${testId}-rows`}
            />
          </Field>
          {q.rows.source === 'fixed' && (
            <RowsEditor<ChoiceOption>
              rows={q.rows.items}
              onChange={(items) => set({ rows: { source: 'fixed', items } })}
              problems={problemsUnder(problems, 'rows.items')}
              testId={`${testId}-items`}
            />
          )}
        </>
      );
  }
}

/**
 * One question in the builder: its type, id, title, required and scored switches, the fields of its
 * kind, and buttons to move it up or down or remove it. `problems` are keyed relative to it.
 */
export function QuestionEditor({
  q,
  index,
  count,
  problems,
  onChange,
  onMove,
  onRemove,
}: {
  q: QuestionInput;
  index: number;
  count: number;
  problems: Problems;
  onChange: (q: QuestionInput) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const testId = `question-${index}`;
  const set = (patch: Record<string, unknown>) => onChange({ ...q, ...patch } as QuestionInput);
  const scorable = q.type === 'rating' || q.type === 'matrix';
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Space wrap>
          {index + 1}.
          <Select
            value={q.type}
            onChange={(type) => onChange(questionOf(type, q))}
            options={QUESTION_TYPES.map((x) => ({ value: x, label: t(`questionnaires.type.${x}`) }))}
            style={{ width: 130 }}
            data-testid={`${testId}-type`}
          />
        </Space>
      }
      extra={
        <Space>
          <IconButton
            label={t('questionnaires.up')}
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          />
          <IconButton
            label={t('questionnaires.down')}
            icon={<ArrowDownOutlined />}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          />
          <IconButton
            label={t('questionnaires.remove')}
            icon={<DeleteOutlined />}
            danger
            onClick={onRemove}
            testId={`${testId}-remove`}
          />
        </Space>
      }
    >
      <Space wrap align="start">
        <Field label={t('questionnaires.id')} problem={problems.id}>
          <Input value={q.id} onChange={(e) => set({ id: e.target.value })} style={{ width: 120 }} />
        </Field>
        <Field label={t('questionnaires.required')}>
          <Switch checked={q.required ?? true} onChange={(required) => set({ required })} />
        </Field>
        {scorable && (
          <Field label={t('questionnaires.scored')}>
            <Switch checked={q.scored ?? true} onChange={(scored) => set({ scored })} />
          </Field>
        )}
      </Space>
      <Field label={t('questionnaires.questionTitle')} problem={problems.title}>
        <Input.TextArea
          value={q.title}
          autoSize
          onChange={(e) => set({ title: e.target.value })}
          data-testid={`${testId}-title`}
        />
      </Field>
      <KindFields q={q} set={set} problems={problems} testId={testId} />
    </Card>
  );
}
