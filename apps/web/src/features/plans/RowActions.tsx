import { ApartmentOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Plan } from '@jixiao/engine';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AhpLevel } from './AhpModal.js';
import {
  addIndicator,
  addSubItem,
  freshCode,
  levelChildren,
  removeIndicator,
  removeSubItem,
} from './edit.js';
import type { PlanRow } from './tree.js';

/** What the tree and each row's actions are given: the plan, how to change it, the row dialogs. */
export interface TreeProps {
  doc: Plan;
  change: (p: Plan) => void;
  readOnly: boolean;
  /** Opens the row's drawer. */
  onEdit: (row: PlanRow) => void;
  /** Opens the AHP view of the row's children. */
  onAhp: (level: AhpLevel, title: string) => void;
}

/** A tree row's buttons: edit, add a child, weigh its children by AHP, remove. */
export function RowActions({ row: r, doc, change, readOnly, onEdit, onAhp }: { row: PlanRow } & TreeProps) {
  const { t } = useTranslation();
  const kidsLevel: AhpLevel | null =
    r.level === 'component' ? { component: r.code } : r.level === 'indicator' ? { indicator: r.code } : null;
  const nKids = kidsLevel ? levelChildren(doc, kidsLevel).length : 0;
  const ahpButton = kidsLevel && nKids >= 2 && (
    <Button
      size="small"
      type="link"
      data-testid="row-ahp"
      onClick={() => onAhp(kidsLevel, `${r.code} ${r.name}`)}
    >
      AHP
    </Button>
  );
  // A reader sees the AHP view too (judgement matrix and consistency), read-only.
  if (readOnly)
    return (
      <Space size={0}>
        <Button size="small" type="link" onClick={() => onEdit(r)} icon={<EditOutlined />}>
          {t('plans.open')}
        </Button>
        {ahpButton}
      </Space>
    );
  return (
    <Space size={0}>
      <Tooltip title={t('common.edit')}>
        <Button
          size="small"
          type="text"
          icon={<EditOutlined />}
          data-testid="row-edit"
          onClick={() => onEdit(r)}
        />
      </Tooltip>
      {kidsLevel && !(r.children ?? []).some((c) => c.level === 'sub_item') && (
        <Tooltip title={r.level === 'component' ? t('planEditor.addIndicator') : t('planEditor.addChild')}>
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined />}
            data-testid="row-add"
            onClick={() =>
              change(
                addIndicator(doc, r.level === 'component' ? { component: r.code } : { parent: r.code }, {
                  code: freshCode(doc),
                  name: t('planEditor.levels.indicator'),
                }),
              )
            }
          />
        </Tooltip>
      )}
      {r.level === 'indicator' && nKids === 0 && (
        <Tooltip title={t('planEditor.addSubItem')}>
          <Button
            size="small"
            type="text"
            icon={<ApartmentOutlined />}
            onClick={() => {
              const used = new Set(doc.indicators[r.ref.index]?.subItems?.map((s) => s.code));
              let n = 1;
              while (used.has(`S${n}`)) n++;
              change(addSubItem(doc, r.ref.index, { code: `S${n}`, name: t('planEditor.levels.sub_item') }));
            }}
          />
        </Tooltip>
      )}
      {ahpButton}
      {r.level !== 'component' && (
        <Popconfirm
          title={t('planEditor.removeConfirm', { code: r.code })}
          onConfirm={() =>
            change(
              r.ref.level === 'sub_item'
                ? removeSubItem(doc, r.ref.index, r.ref.subIndex)
                : removeIndicator(doc, r.code),
            )
          }
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="row-remove" />
        </Popconfirm>
      )}
    </Space>
  );
}
