import type { QuestionnaireDetail } from '@jixiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, List, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../shared/format.js';
import { questionnaireKeys, saveQuestionnaire, useQuestionnaire, useQuestionnaires } from './api.js';
import {
  checkDraft,
  type Draft,
  moved,
  newQuestion,
  type Problems,
  problemsUnder,
  QUESTION_TYPES,
  replaced,
  versionsOf,
} from './builder-model.js';
import { Field } from './ListEditors.js';
import { PhonePreview } from './PhonePreview.js';
import { QuestionEditor } from './QuestionEditor.js';

/** The other versions of the questionnaire's family, newest first, each a link. */
function Versions({ current, all }: { current: QuestionnaireDetail; all: QuestionnaireDetail[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('questionnaires.versions')} data-testid="versions">
      <List
        size="small"
        dataSource={versionsOf(all, current.familyId)}
        renderItem={(v) => (
          <List.Item>
            <Space wrap>
              {v.id === current.id ? (
                <Typography.Text strong>{t('questionnaires.versionNo', { n: v.versionNo })}</Typography.Text>
              ) : (
                <Link to={`/questionnaires/${v.id}`}>
                  {t('questionnaires.versionNo', { n: v.versionNo })}
                </Link>
              )}
              {v.frozen && <Tag color="warning">{t('questionnaires.frozen')}</Tag>}
              <Typography.Text type="secondary">
                {formatDateTime(v.createdAt)} {v.createdBy ?? ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * The questionnaire builder (issue 10 point 1): edit the questions, check them with the contract,
 * save as a new questionnaire or as the next version (a version is never changed in place; one
 * with ballots is frozen), and see it as the phone shows it.
 */
export default function QuestionnaireBuilderPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const param = useParams().id;
  const id = param === 'new' ? undefined : Number(param);
  const loaded = useQuestionnaire(id);
  const all = useQuestionnaires();
  const [draft, setDraft] = useState<Draft>({ name: '', questions: [newQuestion('rating', [])] });
  const [problems, setProblems] = useState<Problems>({});
  useEffect(() => {
    if (loaded.data) setDraft({ name: loaded.data.name, questions: structuredClone(loaded.data.questions) });
    setProblems({});
  }, [loaded.data]);

  const current = loaded.data;
  const family = current ? versionsOf(all.data ?? [], current.familyId) : [];
  const nextNo = Math.max(current?.versionNo ?? 0, ...family.map((v) => v.versionNo)) + 1;
  const save = useMutation({
    mutationFn: (body: Draft) => saveQuestionnaire(body, current?.id),
    onSuccess: (saved) => {
      message.success(t('questionnaires.saved', { n: saved.versionNo }));
      void qc.invalidateQueries({ queryKey: questionnaireKeys.all });
      navigate(`/questionnaires/${saved.id}`);
    },
  });
  const submit = () => {
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      void message.error(t('questionnaires.fixFirst', { n: Object.keys(checked.problems).length }));
      return;
    }
    setProblems({});
    save.mutate(checked.body);
  };
  const setQuestions = (questions: Draft['questions']) => setDraft((d) => ({ ...d, questions }));
  const qs = draft.questions;

  return (
    <Row gutter={[16, 16]} data-testid="questionnaire-builder">
      <Col xs={24} xl={14}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Card
            title={
              current
                ? `${current.name} · ${t('questionnaires.versionNo', { n: current.versionNo })}`
                : t('questionnaires.new')
            }
            extra={
              <Button
                type="primary"
                onClick={submit}
                loading={save.isPending}
                data-testid="questionnaire-save"
              >
                {current ? t('questionnaires.saveVersion', { n: nextNo }) : t('questionnaires.save')}
              </Button>
            }
          >
            {current?.frozen && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message={t('questionnaires.frozenHint', { n: nextNo })}
                data-testid="questionnaire-frozen"
              />
            )}
            <Form layout="vertical">
              <Field label={t('questionnaires.name')} problem={problems.name}>
                <Input
                  value={draft.name}
                  onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
                  data-testid="questionnaire-name"
                />
              </Field>
              {problems.questions && (
                <Alert type="error" message={t(problems.questions.key, problems.questions.params)} />
              )}
            </Form>
          </Card>
          <Form layout="vertical">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {qs.map((q, i) => (
                <QuestionEditor
                  // biome-ignore lint/suspicious/noArrayIndexKey: questions have no key but their place (ids are edited)
                  key={i}
                  q={q}
                  index={i}
                  count={qs.length}
                  problems={problemsUnder(problems, `questions.${i}`)}
                  onChange={(next) => setQuestions(replaced(qs, i, next))}
                  onMove={(to) => setQuestions(moved(qs, i, to))}
                  onRemove={() => setQuestions(qs.filter((_, k) => k !== i))}
                />
              ))}
            </Space>
          </Form>
          <Card size="small">
            <Space wrap>
              {t('questionnaires.add')}
              {QUESTION_TYPES.map((type) => (
                <Button
                  key={type}
                  onClick={() => setQuestions([...qs, newQuestion(type, qs)])}
                  data-testid={`add-${type}`}
                >
                  {t(`questionnaires.type.${type}`)}
                </Button>
              ))}
            </Space>
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('questionnaires.preview')}</Typography.Text>
          <PhonePreview name={draft.name} questions={qs} />
          {current && <Versions current={current} all={all.data ?? []} />}
        </Space>
      </Col>
    </Row>
  );
}
