import { UploadOutlined } from '@ant-design/icons';
import type { CockpitMap } from '@jixiao/contracts';
import { Button, Card, Empty, Form, Input, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../shared/auth.js';
import { EChart } from '../../shared/charts/EChart.js';
import { FilePicker } from '../../shared/FilePicker.js';
import { useFeedback } from '../../shared/feedback.js';
import { QueryState } from '../../shared/QueryState.js';
import { fmtScore } from '../results/ranking.js';
import { traceLink } from './charts.js';
import { useCockpitMap, useMapUpload } from './kiosk-api.js';
import { buildMapOption, geoForECharts, type MapMode, mapKey } from './map.js';

echarts.use([MapChart, VisualMapComponent]);

/** Registers the map's GeoJSON with ECharts once per loaded file. */
function registered(m: CockpitMap) {
  const key = mapKey(m);
  if (!echarts.getMap(key)) echarts.registerMap(key, geoForECharts(m) as never);
  return key;
}

/**
 * The map of a plan's units (issue 13 point 2) coloured by total or grade, a list of its regions
 * beside it (for readers and the tests), the features matching no unit, and a click → the trace.
 */
export function MapView({
  m,
  height,
  onPick,
  testId = 'cockpit-map',
  list = true,
}: {
  m: CockpitMap;
  height: number;
  onPick?: (unit: string) => void;
  testId?: string;
  /** The regions as tags below the map (the cockpit); the wall screen shows the map alone. */
  list?: boolean;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<MapMode>('score');
  const option = useMemo(() => {
    registered(m);
    return buildMapOption(m, mode, {
      total: t('cockpit.total'),
      grade: t('cockpit.grade'),
      noGrade: t('results.noGrade'),
    });
  }, [m, mode, t]);
  if (!m.regions.length)
    return (
      <div data-testid={testId} data-regions={0}>
        <Empty
          data-testid={`${testId}-empty`}
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('cockpitMap.noMatch', { property: m.codeProperty })}
        />
        <Unmatched m={m} />
      </div>
    );
  return (
    <div data-testid={testId} data-regions={m.regions.length}>
      <Segmented<MapMode>
        size="small"
        value={mode}
        onChange={setMode}
        data-testid={`${testId}-mode`}
        options={[
          { value: 'score', label: t('cockpitMap.byScore') },
          { value: 'grade', label: t('cockpitMap.byGrade') },
        ]}
      />
      <EChart
        option={option}
        testId={`${testId}-chart`}
        height={height}
        // 下载图片 on the cockpit; the wall screen (no list) has no buttons.
        imageName={list ? t('cockpitMap.title') : undefined}
        onClick={onPick && (({ dataIndex }) => m.regions[dataIndex] && onPick(m.regions[dataIndex].unit))}
      />
      {list && (
        <Space size={[4, 4]} wrap data-testid={`${testId}-regions`}>
          {m.regions.map((r) => (
            <Tag
              key={r.unit}
              data-testid="map-region"
              data-unit={r.unit}
              color={mode === 'grade' ? (r.grade?.color ?? undefined) : undefined}
              style={{ cursor: onPick ? 'pointer' : undefined }}
              onClick={() => onPick?.(r.unit)}
            >
              {r.name} {fmtScore(r.total)}
            </Tag>
          ))}
        </Space>
      )}
      <Unmatched m={m} />
    </div>
  );
}

function Unmatched({ m }: { m: CockpitMap }) {
  const { t } = useTranslation();
  if (!m.unmatched.length) return null;
  return (
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="map-unmatched">
      {t('cockpitMap.unmatched', {
        count: m.unmatched.length,
        codes: m.unmatched
          .slice(0, 20)
          .map((u) => u.code || `#${u.index}`)
          .join('、'),
      })}
    </Typography.Text>
  );
}

/** The cockpit's map card: the map, its source, and for the office loading a GeoJSON. */
export function CockpitMapCard({ planId, period }: { planId: number; period: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const map = useCockpitMap(planId, period);
  const canManage = useCan('cockpit.manage');
  const m = map.data;
  return (
    <Card
      size="small"
      title={t('cockpitMap.title')}
      extra={canManage && m && <MapLoader planId={planId} uploaded={m.source === 'uploaded'} />}
    >
      <QueryState query={map} testId="cockpit-map-state" />
      {m && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>
            {t(`cockpitMap.source.${m.source}`, { name: m.name })}
            {m.regions.length > 0 &&
              ` · ${t('cockpitMap.regions', { count: m.regions.length })} · ${t('cockpitMap.clickHint')}`}
          </Typography.Text>
          <MapView m={m} height={380} onPick={(unit) => navigate(traceLink(planId, period, unit))} />
        </>
      )}
    </Card>
  );
}

/** The office loads a GeoJSON file (checked by the server, problems listed per feature), or resets. */
function MapLoader({ planId, uploaded }: { planId: number; uploaded: boolean }) {
  const { t, message, showError } = useFeedback();
  const { upload, reset } = useMapUpload(planId);
  const [open, setOpen] = useState(false);
  const [geojson, setGeojson] = useState<unknown>();
  const [fileName, setFileName] = useState('');
  const [form] = Form.useForm<{ name: string; codeProperty: string }>();
  const pick = async (file: File) => {
    try {
      setGeojson(JSON.parse(await file.text()));
      setFileName(file.name);
      if (!form.getFieldValue('name')) form.setFieldValue('name', file.name.replace(/\.(geo)?json$/i, ''));
    } catch {
      setGeojson(undefined);
      message.error(t('cockpitMap.notJson'));
    }
  };
  const save = async () => {
    const v = await form.validateFields();
    upload.mutate(
      { ...v, geojson },
      {
        onSuccess: (r) => {
          message.success(t('cockpitMap.loaded', { ...r, unmatched: r.unmatched.length }));
          setOpen(false);
        },
        onError: showError,
      },
    );
  };
  return (
    <Space size={4}>
      <Button size="small" icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="map-load">
        {t('cockpitMap.load')}
      </Button>
      {uploaded && (
        <Button
          size="small"
          loading={reset.isPending}
          onClick={() => reset.mutate(undefined, { onError: showError })}
        >
          {t('cockpitMap.reset')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('cockpitMap.loadTitle')}
        onCancel={() => setOpen(false)}
        onOk={save}
        okButtonProps={{ disabled: geojson === undefined, loading: upload.isPending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ codeProperty: 'code' }}>
          <Form.Item name="name" label={t('cockpitMap.name')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="codeProperty"
            label={t('cockpitMap.codeProperty')}
            extra={t('cockpitMap.codePropertyHelp')}
            rules={[{ required: true }]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item label={t('cockpitMap.file')}>
            <FilePicker accept=".json,.geojson,application/geo+json,application/json" onFile={pick}>
              <Button icon={<UploadOutlined />}>{fileName || t('cockpitMap.file')}</Button>
            </FilePicker>
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
