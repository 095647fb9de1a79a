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
  'wuxi-districts-2016': {
    period: '2016-Y',
    units: units([
      ['county', 'X', ['江阴市', '宜兴市']],
      ['district', 'Q', ['梁溪区', '锡山区', '惠山区', '滨湖区', '新吴区']],
    ]),
  },
  'shenzhen-2008': {
    period: '2008-Y',
    units: units([
      [
        'dept',
        'D',
        ['市发改委', '市贸工局', '市教育局', '市公安局', '市民政局', '市财政局', '市人社局', '市规划国土委'],
      ],
      ['district', 'R', ['福田区', '罗湖区', '南山区', '盐田区', '宝安区', '龙岗区']],
    ]),
  },
  'shenzhen-2010': {
    period: '2010-Y',
    units: units([
      [
        'dept',
        'D',
        [
          '市发改委',
          '市经贸信息委',
          '市教育局',
          '市科工贸信委',
          '市公安局',
          '市民政局',
          '市财政局',
          '市人社局',
          '市交通运输委',
          '市卫生人口计生委',
        ],
      ],
    ]),
  },
  'suqian-2016': {
    period: '2016-Y',
    units: units([
      ['econ', 'E', ['市发改委', '市经信委', '市商务局', '市财政局']],
      ['law', 'L', ['市公安局', '市市场监管局', '市环保局', '市城管局']],
      ['party', 'P', ['市委办', '市委组织部', '市委宣传部']],
      ['central', 'C', ['宿迁供电公司', '宿迁海关', '人行宿迁中心支行']],
    ]),
  },
  'huangpu-2021': {
    period: '2021-Y',
    units: units([
      ['econ', 'E', ['区发改局', '区工信局', '区科技局', '区投资促进局']],
      ['social', 'S', ['区教育局', '区卫健局', '区民政局']],
      ['town', 'T', ['萝岗街', '永和街', '九龙镇', '长岭街']],
      ['party', 'P', ['区委办', '区委组织部']],
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
