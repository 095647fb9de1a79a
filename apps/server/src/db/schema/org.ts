import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, ref, tracked } from './columns.js';

/** An evaluation system (考评体系): districts, development zones, city departments… (W1). */
export const evalSystems = pgTable('eval_system', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  ownerOrgId: integer('owner_org_id'),
  ...tracked(),
});

/** Category (类别) within a system, e.g. A 党群口 (S2, W8). */
export const categories = pgTable(
  'category',
  {
    id: id(),
    systemId: ref('system_id', () => evalSystems.id, 'restrict'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ...tracked(),
  },
  (t) => [uniqueIndex('category_system_code').on(t.systemId, t.code)],
);

/** Group (组) within a category: the unit of ranking and quotas (W8: B1 综合, B2 执法). */
export const groups = pgTable(
  'unit_group',
  {
    id: id(),
    categoryId: ref('category_id', () => categories.id, 'restrict'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ...tracked(),
  },
  (t) => [uniqueIndex('group_category_code').on(t.categoryId, t.code)],
);

/**
 * A node of the organisation tree. `path` is the materialised path of ids ("/1/7/42/") so that
 * subtree checks — the heart of unit-scoped access — are one indexed prefix match.
 */
export const orgNodes = pgTable(
  'org_node',
  {
    id: id(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgNodes.id, { onDelete: 'restrict' }),
    path: text('path').notNull().default(''),
    kind: text('kind').notNull(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    systemId: integer('system_id').references(() => evalSystems.id, { onDelete: 'restrict' }),
    groupId: integer('group_id').references(() => groups.id, { onDelete: 'restrict' }),
    sortOrder: integer('sort_order').notNull().default(0),
    ...tracked(),
  },
  (t) => [
    index('org_node_parent').on(t.parentId),
    index('org_node_path').using('btree', sql`${t.path} text_pattern_ops`),
  ],
);

/** A staff member (工作人员) of a unit or section. */
export const staff = pgTable(
  'staff',
  {
    id: id(),
    orgNodeId: ref('org_node_id', () => orgNodes.id, 'restrict'),
    employeeNo: text('employee_no').notNull().unique(),
    name: text('name').notNull(),
    title: text('title'),
    ...tracked(),
  },
  (t) => [index('staff_org_node').on(t.orgNodeId)],
);
