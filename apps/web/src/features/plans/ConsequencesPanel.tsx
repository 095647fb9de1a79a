import { CONSEQUENCE_KINDS, type ConsequenceRule } from '@jixiao/engine';
import { Card, Col, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { KIND_COLOR } from '../consequences/LineItem.js';
import { ConsequenceFields } from './ConsequenceFields.js';
import { newRule } from './consequenceForm.js';
import { CodeInput, Field, IssueText, ListActions, type PanelProps } from './FormBits.js';
import { listAdd, listMove, listRemove, setIn } from './forms.js';
import { AddButton } from './ListTable.js';

const PATH = ['consequences'];

/**
 * 结果运用: the plan's consequence rules, one card each (they stack on a phone), in the order their
 * lines are listed; each with its code, name, catalogue rule and the fields of its kind.
 */
export function ConsequencesPanel(props: PanelProps) {
  const { doc, change, issues } = props;
  const { t } = useTranslation();
  const c = (k: string) => t(`planForms.consequences.${k}`);
  const rules = doc.consequences ?? [];
  return (
    <Form layout="vertical" component="div" data-testid="plan-consequences">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {c('intro')}
      </Typography.Paragraph>
      <IssueText issues={issues.filter((i) => i.path === 'consequences')} />
      {rules.length === 0 && <Typography.Text type="secondary">{c('empty')}</Typography.Text>}
      <Row gutter={[12, 12]}>
        {rules.map((rule, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules are edited in place, codes change
          <Col key={i} xs={24} xl={12}>
            <RuleCard {...props} rule={rule} index={i} count={rules.length} />
          </Col>
        ))}
      </Row>
      <Space wrap size={8} style={{ marginTop: 4 }}>
        {CONSEQUENCE_KINDS.map((kind) => (
          <AddButton
            key={kind}
            testId={`consequence-add-${kind}`}
            onClick={() => change(listAdd(doc, PATH, newRule(doc, kind, c(`kinds.${kind}`))))}
          >
            {c(`kinds.${kind}`)}
          </AddButton>
        ))}
      </Space>
    </Form>
  );
}

function RuleCard(props: PanelProps & { rule: ConsequenceRule; index: number; count: number }) {
  const { doc, change, issues, rule, index, count } = props;
  const { t } = useTranslation();
  const c = (k: string) => t(`planForms.consequences.${k}`);
  const at = `consequences[${index}]`;
  const set = (field: string, v: unknown) => change(setIn(doc, [...PATH, index, field], v));
  const known = (CONSEQUENCE_KINDS as readonly string[]).includes(rule.kind);
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      data-testid="consequence-rule"
      data-code={rule.code}
      data-kind={rule.kind}
      title={
        <Space size={4}>
          <Tag color={known ? KIND_COLOR[rule.kind] : undefined}>
            {known ? c(`kinds.${rule.kind}`) : String(rule.kind)}
          </Tag>
          {rule.ref && <Typography.Text type="secondary">{rule.ref}</Typography.Text>}
        </Space>
      }
      extra={
        <ListActions
          index={index}
          length={count}
          onMove={(d) => change(listMove(doc, PATH, index, d))}
          onRemove={() => change(listRemove(doc, PATH, index))}
        />
      }
    >
      <Space wrap size={[16, 0]} align="start">
        <Field label={t('planForms.code')} issues={issues} path={`${at}.code`}>
          <CodeInput
            testId="consequence-code"
            value={rule.code}
            taken={doc.consequences?.map((r) => r.code)}
            onCommit={(v) => set('code', v)}
          />
        </Field>
        <Field label={t('planForms.name')} issues={issues} path={`${at}.name`}>
          <Input
            data-testid="consequence-name"
            style={{ width: 260, maxWidth: '100%' }}
            value={rule.name}
            onChange={(e) => set('name', e.target.value)}
          />
        </Field>
        <Field label={c('ref')} issues={issues} path={`${at}.ref`}>
          <Input
            data-testid="consequence-ref"
            style={{ width: 90 }}
            placeholder="S15"
            value={rule.ref}
            onChange={(e) => set('ref', e.target.value.trim())}
          />
        </Field>
      </Space>
      <IssueText issues={issues.filter((i) => i.path === `${at}.kind`)} />
      <ConsequenceFields {...props} rule={rule} index={index} />
    </Card>
  );
}
