/**
 * 方案修订说明（contracts `revisionNote`，每个代码一条）：服务器只存 `{ code, params }`。
 * `text` 是用户输入的说明或旧数据的原文，原样显示。en 有同样的键（测试检查）。
 */
const revisionNotesZhCN = {
  revisionNote: {
    plan: {
      created: '新建',
      from_template: '由模板 {{templateId}} 新建',
      cloned: '由方案 {{planId}}（{{year}} 年度）克隆',
      imported: '由文件 {{fileName}} 导入',
    },
    demo: {
      last_year: '演示数据：上一年度方案',
      ad_hoc: '演示数据：专项考评方案',
    },
    text: '{{text}}',
  },
};
export default revisionNotesZhCN;
