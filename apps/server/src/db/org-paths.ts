import { type SQL, sql } from 'drizzle-orm';
import { orgNodes } from './schema/index.js';

/**
 * The org node lies on the line of one of the subtrees whose top paths are `paths`: inside one, or
 * above its top (an ancestor). False for no paths.
 */
export function onLineOf(paths: readonly string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return sql`(${sql.join(
    paths.map((p) => sql`(${orgNodes.path} like ${`${p}%`} or ${p} like ${orgNodes.path} || '%')`),
    sql` or `,
  )})`;
}
