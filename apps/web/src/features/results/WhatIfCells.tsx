import { useTranslation } from 'react-i18next';
import { placesMoved } from './whatif.js';

export const num = { fontVariantNumeric: 'tabular-nums' as const, whiteSpace: 'nowrap' as const };

export function Delta({ v }: { v: number }) {
  if (!v) return <span style={{ ...num, color: '#8c8c8c' }}>0.00</span>;
  return (
    <span style={{ ...num, color: v > 0 ? '#389e0d' : '#cf1322' }}>
      {v > 0 ? '+' : '−'}
      {Math.abs(v).toFixed(2)}
    </span>
  );
}

/** Δ名次 with its direction: ↑2 rose, ↓1 fell, — unchanged. */
export function Places({ v }: { v: number }) {
  const { t } = useTranslation();
  const m = placesMoved(v);
  const color = m.dir === 'up' ? '#389e0d' : m.dir === 'down' ? '#cf1322' : '#8c8c8c';
  return (
    <span
      data-testid="whatif-drank"
      data-dir={m.dir}
      title={t(`sim.${m.dir}`, { n: m.n })}
      style={{ ...num, color }}
    >
      {m.text}
    </span>
  );
}
