import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { MethodSpec } from '@jixiao/engine';
import { Button, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultMethod,
  joinMethod,
  METHOD_FIELDS,
  METHOD_FORMULAS,
  METHOD_KINDS,
  type MethodField,
  type MethodKind,
  parseExtra,
  parseNumberList,
  splitMethod,
} from './forms.js';

/**
 * A typed form per scoring method (docs/plan-format.md §5) with the formula as help text and a raw
 * JSON box for parameters the form does not know. Controlled: `value` / `onChange` (Form.Item-ready).
 */
export function MethodEditor({
  value,
  onChange,
  inheritedPlaceholder,
}: {
  value?: MethodSpec;
  onChange?: (m: MethodSpec | undefined) => void;
  inheritedPlaceholder?: string;
}) {
  const { t } = useTranslation();
  const split = value ? splitMethod(value) : null;
  const set = (key: string, v: unknown) => {
    if (!split) return;
    onChange?.(joinMethod(split.kind, { ...split.known, [key]: v }, split.extra));
  };
  return (
    <div data-testid="method-editor">
      <Form.Item label={t('planForms.method.kind')} style={{ marginBottom: 8 }}>
        <Select
          data-testid="method-kind"
          allowClear
          value={split?.kind}
          placeholder={inheritedPlaceholder}
          onChange={(k?: MethodKind) => onChange?.(k ? defaultMethod(k) : undefined)}
          options={METHOD_KINDS.map((k) => ({ value: k, label: `${t(`methods.${k}`)} (${k})` }))}
        />
      </Form.Item>
      {split && (
        <>
          <Space wrap align="start" size={[12, 0]}>
            {METHOD_FIELDS[split.kind].map((f) => (
              <Form.Item
                key={f.key}
                label={t(`planForms.method.fields.${f.key}`)}
                required={f.required}
                style={{ marginBottom: 8 }}
                help={f.key === 'table' ? t('planForms.method.listHint') : undefined}
              >
                <FieldInput field={f} value={split.known[f.key]} onChange={(v) => set(f.key, v)} />
              </Form.Item>
            ))}
          </Space>
          <Typography.Paragraph
            type="secondary"
            data-testid="method-formula"
            style={{ fontSize: 12, background: 'rgba(0,0,0,0.03)', padding: '6px 8px', borderRadius: 4 }}
          >
            <strong>{t('planForms.method.formula')}:</strong> {METHOD_FORMULAS[split.kind]}
          </Typography.Paragraph>
          <ExtraJson
            key={`${split.kind}:${JSON.stringify(split.extra)}`}
            extra={split.extra}
            onChange={(extra) => onChange?.(joinMethod(split.kind, split.known, extra))}
          />
        </>
      )}
    </div>
  );
}

function ExtraJson({
  extra,
  onChange,
}: {
  extra: Record<string, unknown>;
  onChange: (x: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => (Object.keys(extra).length ? JSON.stringify(extra) : ''));
  const parsed = parseExtra(text);
  return (
    <Form.Item
      label={t('planForms.method.extra')}
      validateStatus={parsed.ok ? undefined : 'error'}
      help={parsed.ok ? t('planForms.method.extraHelp') : t('planForms.method.invalidJson')}
    >
      <Input.TextArea
        data-testid="method-extra"
        value={text}
        autoSize={{ minRows: 1, maxRows: 6 }}
        style={{ fontFamily: 'monospace' }}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          const p = parseExtra(text);
          if (p.ok) onChange(p.value);
        }}
      />
    </Form.Item>
  );
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function FieldInput({
  field: f,
  value,
  onChange,
}: {
  field: MethodField;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const { t } = useTranslation();
  const ph = f.placeholder ? t('planForms.method.defaultIs', { v: f.placeholder }) : undefined;
  switch (f.type) {
    case 'number':
      return (
        <InputNumber
          data-testid={`method-${f.key}`}
          value={num(value)}
          min={f.min}
          max={f.max}
          step={f.step}
          placeholder={ph}
          style={{ width: 150 }}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
        />
      );
    case 'select':
      return (
        <Select
          data-testid={`method-${f.key}`}
          allowClear={!f.required}
          value={typeof value === 'string' ? value : undefined}
          placeholder={
            f.options?.[0]
              ? t('planForms.method.defaultIs', { v: t(`planForms.method.opts.${f.options[0]}`) })
              : undefined
          }
          style={{ width: 170 }}
          options={(f.options ?? []).map((o) => ({ value: o, label: t(`planForms.method.opts.${o}`) }))}
          onChange={(v) => onChange(v)}
        />
      );
    case 'bool':
      return <Switch checked={value === true} onChange={(v) => onChange(v)} />;
    case 'pair': {
      const pair = Array.isArray(value) ? (value as number[]) : [];
      const put = (k: 0 | 1, v: number | null) => {
        const next = [pair[0] ?? null, pair[1] ?? null];
        next[k] = v;
        onChange(next[0] === null && next[1] === null ? undefined : next.map((x) => x ?? 0));
      };
      return (
        <Space.Compact>
          <InputNumber
            value={num(pair[0])}
            placeholder={t('planForms.method.lo')}
            style={{ width: 80 }}
            onChange={(v) => put(0, v as number | null)}
          />
          <InputNumber
            value={num(pair[1])}
            placeholder={t('planForms.method.hi')}
            style={{ width: 80 }}
            onChange={(v) => put(1, v as number | null)}
          />
        </Space.Compact>
      );
    }
    case 'numberList':
      return (
        <Select
          mode="tags"
          data-testid={`method-${f.key}`}
          style={{ minWidth: 220 }}
          tokenSeparators={[',', ' ', '，']}
          value={Array.isArray(value) ? (value as number[]).map(String) : []}
          onChange={(v: string[]) => {
            const list = parseNumberList(v);
            onChange(list.length ? list : undefined);
          }}
          open={false}
        />
      );
    case 'limits': {
      const fixed = value && typeof value === 'object' ? (value as { worst?: number; best?: number }) : null;
      return (
        <Space wrap>
          <Radio.Group
            value={fixed ? 'fixed' : 'group'}
            onChange={(e) => onChange(e.target.value === 'fixed' ? { worst: 0, best: 100 } : 'group')}
            options={[
              { value: 'group', label: t('planForms.method.limitsGroup') },
              { value: 'fixed', label: t('planForms.method.limitsFixed') },
            ]}
          />
          {fixed && (
            <Space.Compact>
              <InputNumber
                value={fixed.worst}
                placeholder={t('planForms.method.worst')}
                prefix="x_s"
                style={{ width: 130 }}
                onChange={(v) => onChange({ ...fixed, worst: typeof v === 'number' ? v : 0 })}
              />
              <InputNumber
                value={fixed.best}
                prefix="x_h"
                placeholder={t('planForms.method.best')}
                style={{ width: 130 }}
                onChange={(v) => onChange({ ...fixed, best: typeof v === 'number' ? v : 0 })}
              />
            </Space.Compact>
          )}
        </Space>
      );
    }
    case 'breakpoints': {
      const bps = Array.isArray(value) ? (value as [number, number][]) : [];
      const put = (k: number, j: 0 | 1, v: number | null) =>
        onChange(bps.map((bp, i) => (i === k ? (j === 0 ? [v ?? 0, bp[1]] : [bp[0], v ?? 0]) : bp)));
      return (
        <Space orientation="vertical" size={4} data-testid="method-breakpoints">
          {bps.map((bp, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: positional rows
            <Space.Compact key={k}>
              <InputNumber
                value={bp[0]}
                prefix="x"
                style={{ width: 130 }}
                placeholder={t('planForms.method.breakpointX')}
                onChange={(v) => put(k, 0, v as number | null)}
              />
              <InputNumber
                value={bp[1]}
                prefix="f"
                step={0.1}
                style={{ width: 120 }}
                placeholder={t('planForms.method.breakpointF')}
                onChange={(v) => put(k, 1, v as number | null)}
              />
              <Button icon={<DeleteOutlined />} onClick={() => onChange(bps.filter((_, i) => i !== k))} />
            </Space.Compact>
          ))}
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => {
              const last = bps[bps.length - 1];
              onChange([...bps, last ? [last[0] + 1, last[1]] : [0, 0]]);
            }}
          >
            {t('planForms.method.addBreakpoint')}
          </Button>
        </Space>
      );
    }
  }
}
