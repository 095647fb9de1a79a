import type { PeriodWindow } from '@jixiao/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { periodShort, STATE_COLORS } from './calendar.js';

export function StateTag({ w, short, onClick }: { w: PeriodWindow; short?: boolean; onClick?: () => void }) {
  const { t } = useTranslation();
  return (
    <Tag
      data-testid="cal-item"
      data-period={w.period}
      data-state={w.state}
      color={STATE_COLORS[w.state]}
      style={{ marginInlineEnd: 4, marginBottom: 2, cursor: onClick ? 'pointer' : undefined }}
      onClick={onClick}
    >
      {short ? periodShort(w.period) : w.period} · {t(`calendar.states.${w.state}`)}
    </Tag>
  );
}
