import type { KioskScreen } from '@jixiao/contracts';
import { Card, Col, ConfigProvider, Empty, Result, Row, Spin, Statistic, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RankingChart } from '../../shared/charts/RankingChart.js';
import { formatDateTime } from '../../shared/format.js';
import { MapView } from '../cockpit/CockpitMapCard.js';
import { useKioskScreen } from '../cockpit/kiosk-api.js';
import { fmtScore } from '../results/ranking.js';
import { refusalOf } from './refusal.js';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

/**
 * The large screen (大屏, issue 13 point 4) at /screen/:token, laid out for 1920×1080: ranking per
 * group, the map, open counts and the lagging list, asked again every N seconds the server names.
 * No session: the token of the kiosk link is its only key. A revoked or expired link says so.
 */
export default function ScreenPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const [refresh, setRefresh] = useState(60);
  const q = useKioskScreen(token, refresh);
  const s = q.data;
  if (s && s.refreshSeconds !== refresh) setRefresh(s.refreshSeconds);
  const refused = refusalOf(q.error);
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div
        data-testid="screen"
        style={{
          minHeight: '100vh',
          background: '#0b1633',
          color: '#e6f4ff',
          padding: 20,
          boxSizing: 'border-box',
        }}
      >
        {refused ? (
          <Result
            status="warning"
            data-testid="screen-refused"
            data-code={refused}
            title={<span style={{ fontSize: 36 }}>{t(`screen.refused.${refused}`)}</span>}
          />
        ) : !s ? (
          <Result icon={<Spin size="large" />} title={t('screen.loading')} data-testid="screen-loading" />
        ) : (
          <Board s={s} failing={q.isError} />
        )}
      </div>
    </ConfigProvider>
  );
}

function Board({ s, failing }: { s: KioskScreen; failing: boolean }) {
  const { t } = useTranslation();
  const groups = s.groups.filter((g) => g.units.length);
  const lagging = s.lagging.slice(0, 12);
  return (
    <>
      <Row align="middle" justify="space-between" style={{ marginBottom: 12 }}>
        <Col>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="screen-title">
            {s.planName}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 16 }}>
            {s.period} · {s.label} · {t('screen.computedAt', { at: formatDateTime(s.computedAt) })}
          </Typography.Text>
        </Col>
        <Col style={{ textAlign: 'right' }}>
          <div style={{ fontSize: 20, ...num }} data-testid="screen-updated" data-at={s.servedAt}>
            {t('screen.updatedAt', { at: formatDateTime(s.servedAt) })}
          </div>
          <Typography.Text type={failing ? 'danger' : 'secondary'}>
            {failing ? t('screen.refused.other') : t('screen.refresh', { seconds: s.refreshSeconds })}
          </Typography.Text>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        {(['openObjections', 'openNotices', 'openRectifications'] as const).map((k) => (
          <Col span={6} key={k}>
            <Card size="small">
              <Statistic title={t(`screen.${k}`)} value={s.counts[k]} data-testid={`screen-count-${k}`} />
            </Card>
          </Col>
        ))}
        <Col span={6}>
          <Card size="small">
            <Statistic
              title={t('screen.lagging', { period: s.lagPeriod })}
              value={s.lagging.length}
              data-testid="screen-count-lagging"
            />
          </Card>
        </Col>
        <Col span={16}>
          <Card size="small" title={t('screen.ranking')}>
            {!groups.length ? (
              <Empty description={t('screen.noUnits')} data-testid="screen-empty" />
            ) : (
              <Row gutter={[12, 12]}>
                {groups.map((g) => (
                  <Col span={groups.length > 4 ? 8 : groups.length === 1 ? 24 : 12} key={g.group}>
                    <div data-testid="screen-group" data-group={g.group}>
                      <Typography.Text strong style={{ fontSize: 16 }}>
                        {g.group} {g.name === g.group ? '' : g.name}
                      </Typography.Text>
                      <span
                        data-testid="screen-first"
                        data-unit={g.units[0]!.unit}
                        data-total={g.units[0]!.total}
                        style={{ marginLeft: 12, ...num }}
                      >
                        {t('cockpit.rank')} 1 · {g.units[0]!.name} · {fmtScore(g.units[0]!.total)}
                      </span>
                      <RankingChart
                        testId="screen-ranking"
                        height={groups.length > 4 ? 340 : groups.length > 2 ? 300 : 620}
                        units={g.units.slice(0, groups.length > 2 ? 10 : 25)}
                        labels={{ total: t('cockpit.total'), noGrade: t('results.noGrade') }}
                      />
                    </div>
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title={t('screen.map')} style={{ marginBottom: 16 }}>
            <MapView m={s.map} height={360} testId="screen-map" list={false} />
          </Card>
          <Card size="small" title={t('screen.lagging', { period: s.lagPeriod })}>
            {!lagging.length ? (
              <Empty description={t('screen.nothingLagging')} />
            ) : (
              <div data-testid="screen-lagging">
                {lagging.map((l) => (
                  <div
                    key={`${l.unitId}|${l.indicator}`}
                    style={{
                      display: 'flex',
                      justifyContent: 'space-between',
                      padding: '4px 0',
                      fontSize: 15,
                    }}
                  >
                    <span>
                      {l.name} · {l.indicator} {l.indicatorName}
                    </span>
                    <Tag color={l.status === 'serious' ? 'red' : 'orange'}>
                      {l.ratio === null ? '—' : `${Math.round(l.ratio * 1000) / 10}%`}
                    </Tag>
                  </div>
                ))}
              </div>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
