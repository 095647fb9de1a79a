import { Progress, Space, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockSkew, clockText, elapsedShare, secondsLeft, timerTone } from './timer.js';

/**
 * A presentation's countdown (答辩计时), counted on the server's clock: big digits for a projector
 * and a phone, amber in the last minute, red and counting up once over time.
 */
export function Countdown({
  startedAt,
  deadline,
  serverNow,
  receivedAt,
  size = 56,
}: {
  startedAt: string;
  deadline: string;
  /** The server's time in the answer that gave `deadline`. */
  serverNow: string | null | undefined;
  /** When that answer arrived (react-query's dataUpdatedAt). */
  receivedAt: number;
  size?: number;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, []);
  const skew = clockSkew(serverNow, receivedAt);
  const left = secondsLeft(deadline, now, skew);
  const tone = timerTone(left);
  const color =
    tone === 'over' ? token.colorError : tone === 'warning' ? token.colorWarning : token.colorText;
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }} data-testid="defence-timer">
      <Typography.Text type="secondary">
        {tone === 'over' ? t('defence.overtime') : t('defence.timeLeft')}
      </Typography.Text>
      <span
        data-testid="defence-clock"
        data-seconds={left}
        style={{
          fontSize: size,
          lineHeight: 1.1,
          fontWeight: 600,
          fontVariantNumeric: 'tabular-nums',
          color,
        }}
      >
        {clockText(left)}
      </span>
      <Progress
        percent={Math.round(elapsedShare(startedAt, deadline, now, skew) * 100)}
        showInfo={false}
        status={tone === 'over' ? 'exception' : 'active'}
        strokeColor={tone === 'normal' ? undefined : color}
      />
    </Space>
  );
}
