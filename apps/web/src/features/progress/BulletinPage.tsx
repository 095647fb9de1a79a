import { Button, Empty, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PrintSheet } from '../../shared/PrintSheet.js';
import { QueryState } from '../../shared/QueryState.js';
import { useBulletin } from './api.js';
import { pct } from './matrix.js';

/** The quarterly bulletin (季度通报) as a printable A4 page, outside the app's menu. */
export default function BulletinPage() {
  const { t } = useTranslation();
  const { planId } = useParams();
  const [params, setParams] = useSearchParams();
  const quarter = params.get('quarter') ?? '';
  const year = quarter.slice(0, 4);
  const b = useBulletin(planId, quarter);
  return (
    <PrintSheet
      testId="bulletin"
      toolbar={
        <>
          <Select
            data-testid="bulletin-quarter"
            value={quarter}
            style={{ width: 120 }}
            onChange={(q) => setParams({ quarter: q })}
            options={[1, 2, 3, 4].map((q) => ({ value: `${year}-Q${q}`, label: `${year}-Q${q}` }))}
          />
          <Button
            href={`/api/bulletins/${planId}?quarter=${quarter}&format=xlsx`}
            data-testid="bulletin-xlsx"
          >
            {t('progress.exportXlsx')}
          </Button>
          <Button type="primary" onClick={() => window.print()}>
            {t('progress.print')}
          </Button>
        </>
      }
    >
      {!b.data ? (
        <QueryState query={b} testId="bulletin" />
      ) : (
        <>
          <h1 data-testid="bulletin-title">{b.data.title}</h1>
          <p>{t('progress.bulletinIntro', { period: b.data.period })}</p>
          {b.data.rows.length === 0 ? (
            <Empty description={t('progress.noLagging')} />
          ) : (
            <table>
              <thead>
                <tr>
                  {['group', 'unit', 'indicator', 'target', 'expected', 'actual', 'ratio', 'status'].map(
                    (k) => (
                      <th key={k}>{t(`progress.${k}`)}</th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>
                {b.data.rows.map((r) => (
                  <tr key={`${r.unitId}-${r.indicator}`} data-testid="bulletin-row">
                    <td>{r.group}</td>
                    <td>{r.unitName}</td>
                    <td>{r.indicatorName}</td>
                    <td className="n">{r.target}</td>
                    <td className="n">{r.expected}</td>
                    <td className="n">{r.actual ?? 0}</td>
                    <td className="n">{pct(r.ratio)}</td>
                    <td>{t(`progress.statuses.${r.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p style={{ textAlign: 'right', marginTop: 24 }}>{t('progress.issuer')}</p>
        </>
      )}
    </PrintSheet>
  );
}
