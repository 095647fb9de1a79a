import type { BallotAnswers } from '@jixiao/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { castPoll, newCaptcha, openPoll } from './api.js';
import { BallotFormCard } from './BallotFormCard.js';
import { BallotShell, useQuestionErrors } from './BallotShell.js';
import { answersToSend, type Refusal, refusals, voterOf } from './ballot-model.js';

/**
 * The public e-poll page (Z11), for a phone: `/poll/<group>` (optionally `?unit=<code>` for a poll
 * about one unit). No code and no sign-in: a captcha, and one ballot per device.
 */
export default function PollPage() {
  const { t } = useTranslation();
  const groupId = Number(useParams().groupId);
  const unit = useSearchParams()[0].get('unit');
  const [form] = Form.useForm();
  const [problems, setProblems] = useState<Refusal[]>([]);
  const [captchaAnswer, setCaptchaAnswer] = useState('');
  const poll = useQuery({
    queryKey: ['poll', groupId, unit],
    queryFn: () => openPoll(groupId, unit),
    retry: false,
    meta: { silent: true },
  });
  const captcha = useQuery({
    queryKey: ['poll-captcha'],
    queryFn: newCaptcha,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const cast = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      castPoll(groupId, {
        ...(unit ? { unit } : {}),
        answers: answersToSend(values, poll.data!.questions) as BallotAnswers,
        captcha: { token: captcha.data!.token, answer: captchaAnswer },
        voter: voterOf(values),
      }),
    meta: { silent: true },
    onMutate: () => setProblems([]),
    onError: (e) => {
      setProblems(refusals(e));
      // A captcha is good for one try at most: a new one for the next.
      setCaptchaAnswer('');
      void captcha.refetch();
    },
  });
  const shown = poll.error ? refusals(poll.error) : problems;
  const byQuestion = useQuestionErrors(shown);

  return (
    <BallotShell
      title={t('poll.title')}
      problems={shown}
      done={cast.isSuccess && { hint: t('poll.doneHint') }}
    >
      {poll.isLoading && <Skeleton active />}
      {poll.data && (
        <BallotFormCard
          ballot={poll.data}
          form={form}
          errors={byQuestion}
          pending={cast.isPending}
          onSubmit={(v) => cast.mutate(v)}
          extra={
            <Form.Item label={t('poll.captcha')} required>
              <Space wrap>
                {captcha.data && (
                  <img
                    src={`data:image/svg+xml;utf8,${encodeURIComponent(captcha.data.svg)}`}
                    alt={t('poll.captchaAlt')}
                    width={150}
                    height={56}
                    data-testid="captcha-image"
                  />
                )}
                <Button onClick={() => void captcha.refetch()} data-testid="captcha-refresh">
                  {t('poll.captchaRefresh')}
                </Button>
              </Space>
              <Input
                value={captchaAnswer}
                onChange={(e) => setCaptchaAnswer(e.target.value)}
                inputMode="numeric"
                maxLength={4}
                autoComplete="off"
                placeholder={t('poll.captchaPlaceholder')}
                style={{ marginTop: 8 }}
                data-testid="captcha-answer"
              />
            </Form.Item>
          }
        />
      )}
    </BallotShell>
  );
}
