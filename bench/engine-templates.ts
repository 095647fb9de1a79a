/**
 * Regenerates packages/engine/templates/<id>.data.json (made-up demo data) from each plan with
 * the engine's seeded generator. Run: npx tsx bench/engine-templates.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plan, UnitInput } from '../packages/engine/src/index';
import { generatePlanData } from '../packages/engine/src/templates/generate';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../packages/engine/templates');

const units = (spec: [string, string, string[]][]): UnitInput[] =>
  spec.flatMap(([group, prefix, names]) =>
    names.map((name, i) => ({ code: `${prefix}${String(i + 1).padStart(2, '0')}`, name, group })),
  );

const sets: Record<string, { units: UnitInput[]; period: string }> = {
  'wuxi-departments-2016': {
    period: '2016-Y',
    units: units([
      [
        'A',
        'A',
        [
          '市委办公室',
          '市纪委',
          '市委组织部',
          '市委宣传部',
          '市委统战部',
          '市委政法委',
          '市总工会',
          '团市委',
        ],
      ],
      ['B1', 'B1-', ['市政府办公室', '市发改委', '市经信委', '市财政局', '市商务局', '市统计局']],
      ['B2', 'B2-', ['市公安局', '市市场监管局', '市环保局', '市城管局', '市交通运输局', '市安监局']],
      ['C1', 'C1-', ['市国税局', '市地税局', '无锡海关', '无锡电信', '无锡移动']],
      [
        'C2',
        'C2-',
        ['工商银行无锡分行', '农业银行无锡分行', '中国银行无锡分行', '建设银行无锡分行', '交通银行无锡分行'],
      ],
    ]),
  },
};

const only = process.argv[2];
for (const [id, set] of Object.entries(sets)) {
  if (only && id !== only) continue;
  const plan = JSON.parse(readFileSync(join(dir, `${id}.plan.json`), 'utf8')) as Plan;
  const data = generatePlanData(plan, set.units, 2016, { period: set.period, vetoShare: 0.05 });
  writeFileSync(join(dir, `${id}.data.json`), `${JSON.stringify(data, null, 1)}\n`);
  console.log(`${id}: ${data.units.length} units, ${data.values.length} values`);
}
