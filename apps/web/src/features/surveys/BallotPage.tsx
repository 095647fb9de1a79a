import type { BallotAnswers } from '@jixiao/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { castBallot, openBallot } from './api.js';
import { BallotFormCard } from './BallotFormCard.js';
import { BallotShell, useQuestionErrors } from './BallotShell.js';
import { answersToSend, codeFromHash, type Refusal, refusals, voterOf } from './ballot-model.js';

/**
 * The public ballot page (S12, one person one code), made for a phone: a QR link `/ballot#CODE`
 * fills the code from the fragment, which is then removed from the address bar; the code travels
 * only in POST bodies. No sign-in.
 */
export default function BallotPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState(() =>
    typeof window === 'undefined' ? '' : codeFromHash(window.location.hash),
  );
  // Once read, the code leaves the address bar (after the first commit: a render may be retried).
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  const [problems, setProblems] = useState<Refusal[]>([]);
  const [done, setDone] = useState(false);
  const [form] = Form.useForm();

  const open = useMutation({
    mutationFn: () => openBallot(code),
    meta: { silent: true },
    onMutate: () => setProblems([]),
    onError: (e) => setProblems(refusals(e)),
  });
  const ballot = open.data;
  const cast = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      castBallot(code, answersToSend(values, ballot!.questions) as BallotAnswers, voterOf(values)),
    meta: { silent: true },
    onMutate: () => setProblems([]),
    onError: (e) => setProblems(refusals(e)),
    onSuccess: () => setDone(true),
  });
  const restart = () => {
    setDone(false);
    setCode('');
    setProblems([]);
    form.resetFields();
    open.reset();
  };
  const byQuestion = useQuestionErrors(problems);

  return (
    <BallotShell
      title={t('ballot.title')}
      problems={problems}
      done={
        done && {
          hint: t(ballot?.named ? 'ballot.doneHintNamed' : 'ballot.doneHint'),
          extra: <Button onClick={restart}>{t('ballot.anotherCode')}</Button>,
        }
      }
    >
      {!ballot ? (
        <Card>
          <Typography.Paragraph>{t('ballot.intro')}</Typography.Paragraph>
          <Form layout="vertical" onFinish={() => open.mutate()}>
            <Form.Item label={t('ballot.code')} required>
              <Input
                value={code}
                onChange={(e) => setCode(e.target.value)}
                placeholder={t('ballot.codePlaceholder')}
                autoComplete="off"
                size="large"
                data-testid="ballot-code"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={open.isPending}
              disabled={!code.trim()}
            >
              {t('ballot.open')}
            </Button>
          </Form>
        </Card>
      ) : (
        <BallotFormCard
          ballot={ballot}
          form={form}
          errors={byQuestion}
          pending={cast.isPending}
          onSubmit={(v) => cast.mutate(v)}
        />
      )}
    </BallotShell>
  );
}
