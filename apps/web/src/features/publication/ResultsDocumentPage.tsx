import { PrinterOutlined } from '@ant-design/icons';
import type { ResultsDocument } from '@jixiao/contracts';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../shared/api.js';
import { PrintSheet } from '../../shared/PrintSheet.js';
import { periodName } from '../../shared/periodName.js';
import { QueryState } from '../../shared/QueryState.js';
import { fmtScore } from '../results/ranking.js';
import { useResultsDocument } from './api.js';
import { dayParts, gradeCounts } from './document.js';

/**
 * The official results notice (考评结果通报) of a run on A4: a red head with the document number,
 * every group's ranking with its grade counts, the awards, the issuer and the day of the release.
 * A run not yet released prints as a draft marked unofficial.
 */
export default function ResultsDocumentPage() {
  const { t } = useTranslation();
  const planId = Number(useParams().planId);
  const runId = Number(useParams().runId);
  const doc = useResultsDocument(planId, runId);
  if (isApiError(doc.error) && doc.error.status === 403)
    return <Result status="403" title={t('resultsDoc.forbidden')} data-testid="results-doc-forbidden" />;
  return (
    <PrintSheet
      testId="results-doc"
      toolbar={
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="results-doc-print"
        >
          {t('resultsDoc.printNow')}
        </Button>
      }
    >
      <QueryState query={doc} testId="results-doc-state">
        {(d) => <Notice doc={d} />}
      </QueryState>
    </PrintSheet>
  );
}

function Notice({ doc }: { doc: ResultsDocument }) {
  const { t } = useTranslation();
  const period = periodName(t, doc.period);
  const released = doc.status === 'released';
  const names = (list: string[]) => list.join(t('resultsDoc.nameSep'));
  return (
    <>
      {!released && (
        <p
          data-testid="results-doc-draft"
          style={{ border: '2px solid #c00', color: '#c00', textAlign: 'center', padding: 4 }}
        >
          {t('resultsDoc.draftMark')}
        </p>
      )}
      <h1>{t('resultsDoc.issuer')}</h1>
      <p style={{ textAlign: 'center' }}>{t('resultsDoc.docNo', { year: doc.year, run: doc.runId })}</p>
      <h2 data-testid="results-doc-title" style={{ textAlign: 'center', fontSize: '16pt' }}>
        {t('resultsDoc.title', { period, system: doc.system })}
      </h2>
      <p style={{ textIndent: '2em' }}>
        {released
          ? t('resultsDoc.body', { plan: doc.plan, period, system: doc.system })
          : t('resultsDoc.draftBody', { run: doc.runId })}
      </p>
      {doc.groups.map((g, i) => (
        <section key={g.code} data-testid="results-doc-group">
          <h3 style={{ fontSize: '12pt' }}>
            {t('resultsDoc.groupHeading', { index: i + 1, group: g.name, count: g.units.length })}
          </h3>
          <table>
            <thead>
              <tr>
                <th style={{ width: '12%' }}>{t('publicResults.rank')}</th>
                <th>{t('publicResults.unit')}</th>
                <th style={{ width: '16%' }}>{t('publicResults.total')}</th>
                <th style={{ width: '16%' }}>{t('publicResults.grade')}</th>
              </tr>
            </thead>
            <tbody>
              {g.units.map((u) => (
                <tr key={u.unit} data-testid="results-doc-row">
                  <td className="n">{u.rank}</td>
                  <td>{u.name}</td>
                  <td className="n">{fmtScore(u.total)}</td>
                  <td>{u.grade?.name ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t('resultsDoc.gradeCounts', {
              counts: gradeCounts(g)
                .map((c) => t('resultsDoc.gradeCount', c))
                .join(t('resultsDoc.listSep')),
            })}
          </p>
        </section>
      ))}
      {doc.awards.some((a) => a.units.length > 0) && (
        <section>
          <h3 style={{ fontSize: '12pt' }}>{t('resultsDoc.awards')}</h3>
          {doc.awards
            .filter((a) => a.units.length > 0)
            .map((a) => (
              <p key={a.code}>
                {t('resultsDoc.awardLine', { award: a.name, units: names(a.units.map((u) => u.name)) })}
              </p>
            ))}
        </section>
      )}
      <p style={{ textAlign: 'right', marginTop: 32 }}>{t('resultsDoc.issuer')}</p>
      {doc.releasedDay && (
        <p style={{ textAlign: 'right' }} data-testid="results-doc-date">
          {t('resultsDoc.date', dayParts(doc.releasedDay))}
        </p>
      )}
    </>
  );
}
