import type { OrgKind } from '@jixiao/contracts';

/**
 * The made-up demo city 示范市, shaped like Wuxi's city-department evaluation (rules S2, W8):
 * 125 units in A 党群口 (32), B 政府口 (综合 20 + 执法 26) and C 垂管和公共服务口
 * (垂管及非金融公共服务 23 + 驻锡内资银行 24). Names are generic institution titles of a
 * fictional city; no person is named. Everything is fixed data: seeding is deterministic.
 */

export interface DemoCategory {
  code: string;
  name: string;
  groups: DemoGroup[];
}

export interface DemoGroup {
  /** The scoring template keys on these codes: A, B1, B2, C1, C2. */
  code: string;
  name: string;
  /** Prefix of unit codes: "A" → A01…, "B1" → B1-01… */
  unitPrefix: string;
  units: { name: string; kind: OrgKind }[];
}

const dept = (name: string) => ({ name, kind: 'department' as const });
const vert = (name: string) => ({ name, kind: 'vertical' as const });
const firm = (name: string) => ({ name, kind: 'enterprise' as const });

const groupA = [
  '市纪委监委机关',
  '市委办公室',
  '市人大常委会办公室',
  '市政府办公室',
  '市政协办公室',
  '市委组织部',
  '市委宣传部',
  '市委统战部',
  '市委政法委',
  '市委研究室',
  '市委编办',
  '市委网信办',
  '市直机关工委',
  '市委台办',
  '市委老干部局',
  '市委党校',
  '市档案馆',
  '市中级人民法院',
  '市人民检察院',
  '市总工会',
  '团市委',
  '市妇联',
  '市科协',
  '市文联',
  '市侨联',
  '市残联',
  '市红十字会',
  '市工商联',
  '市社科联',
  '市委党史办',
  '示范日报社',
  '市广播电视台',
].map(dept);

const groupB1 = [
  '市发展改革委',
  '市教育局',
  '市科技局',
  '市工业和信息化局',
  '市民政局',
  '市财政局',
  '市人力资源社会保障局',
  '市商务局',
  '市文化广电和旅游局',
  '市卫生健康委',
  '市退役军人事务局',
  '市审计局',
  '市国资委',
  '市统计局',
  '市医疗保障局',
  '市机关事务管理局',
  '市政务服务管理办公室',
  '市地方金融监管局',
  '市信访局',
  '市大数据管理局',
].map(dept);

const groupB2 = [
  '市公安局',
  '市司法局',
  '市自然资源和规划局',
  '市生态环境局',
  '市住房城乡建设局',
  '市城市管理局',
  '市交通运输局',
  '市水利局',
  '市农业农村局',
  '市市场监管局',
  '市应急管理局',
  '市体育局',
  '市民族宗教事务局',
  '市园林局',
  '市人防办',
  '市粮食和物资储备局',
  '市综合行政执法局',
  '市交通运输综合行政执法支队',
  '市生态环境综合行政执法局',
  '市市场监管综合执法支队',
  '市文化市场综合执法支队',
  '市农业综合行政执法支队',
  '市城管执法支队',
  '市公安局交通警察支队',
  '市消防救援支队',
  '市自然资源执法监察支队',
].map(dept);

const groupC1 = [
  vert('国家税务总局示范市税务局'),
  vert('示范海关'),
  vert('示范市气象局'),
  vert('国家统计局示范调查队'),
  vert('示范市烟草专卖局'),
  vert('示范市邮政管理局'),
  vert('示范海事局'),
  vert('示范出入境边防检查站'),
  vert('国家金融监督管理总局示范监管分局'),
  vert('中国人民银行示范市分行'),
  firm('国网示范供电公司'),
  firm('中国移动示范分公司'),
  firm('中国电信示范分公司'),
  firm('中国联通示范分公司'),
  firm('示范市邮政分公司'),
  firm('示范水务集团'),
  firm('示范燃气集团'),
  firm('示范地铁集团'),
  firm('示范公交集团'),
  firm('示范城建发展集团'),
  firm('示范交通产业集团'),
  dept('市供销合作总社'),
  dept('市住房公积金管理中心'),
];

const groupC2 = [
  '工商银行',
  '农业银行',
  '中国银行',
  '建设银行',
  '交通银行',
  '国家开发银行',
  '农业发展银行',
  '邮政储蓄银行',
  '招商银行',
  '中信银行',
  '光大银行',
  '华夏银行',
  '民生银行',
  '广发银行',
  '平安银行',
  '兴业银行',
  '浦发银行',
  '浙商银行',
  '渤海银行',
  '恒丰银行',
  '江苏银行',
  '南京银行',
  '宁波银行',
].map((b) => firm(`${b}示范市分行`));
groupC2.push(firm('示范农村商业银行'));

/** Evaluation system of the city departments (市直机关), with categories and groups of W8. */
export const cityDeptCategories: DemoCategory[] = [
  { code: 'A', name: '党群口', groups: [{ code: 'A', name: '党群口', unitPrefix: 'A', units: groupA }] },
  {
    code: 'B',
    name: '政府口',
    groups: [
      { code: 'B1', name: '综合', unitPrefix: 'B1-', units: groupB1 },
      { code: 'B2', name: '执法', unitPrefix: 'B2-', units: groupB2 },
    ],
  },
  {
    code: 'C',
    name: '垂管和公共服务口',
    groups: [
      { code: 'C1', name: '垂管及非金融公共服务', unitPrefix: 'C1-', units: groupC1 },
      { code: 'C2', name: '驻锡内资银行', unitPrefix: 'C2-', units: groupC2 },
    ],
  },
];

/** Districts and counties (区县), evaluated in their own system (W1). */
export const districts = ['示范市东城区', '示范市西城区', '示范市南湖区', '示范市北山县'];

/** Development zones (开发区), ranked by level (W6). */
export const zones: { level: 'national' | 'provincial'; name: string }[] = [
  { level: 'national', name: '示范高新技术产业开发区' },
  { level: 'national', name: '示范经济技术开发区' },
  { level: 'provincial', name: '示范临港经济开发区' },
  { level: 'provincial', name: '示范山水城旅游度假区' },
];

export const sectionNames = ['办公室', '综合科', '业务一科', '业务二科', '政策法规科'];
export const staffTitles = ['科员', '副科长', '科长', '主任科员', '办公室主任'];

// Staff names are drawn from these with a seeded generator: common surnames and neutral given names.
export const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const givenChars =
  '晓明华建国平志伟丽敏静芳军洪涛磊婷海燕春秋霞玉兰雪梅文斌宏勇俊杰佳怡欣悦思远子涵浩然宇轩诗雨嘉颖晨阳';
