/** 报告自身用语（简体中文），按政策读者的习惯行文而非逐字翻译；各条目含义见 messages.ts。 */
import type { Messages } from './messages.js';

const num = (x: number, max: number, min = 0) => x.toLocaleString('zh-CN', { minimumFractionDigits: min, maximumFractionDigits: max });

/** "提高"/"降低". */
const verb = (change: 'raised' | 'lowered') => (change === 'raised' ? '提高' : '降低');

/** 简体中文. */
export const ZH: Messages = {
  lang: 'zh',
  htmlLang: 'zh-CN',
  locale: 'zh-CN',

  percentagePoints: '个百分点',
  pp: '个百分点',
  ppAxis: '百分点',
  interval: (low, high) => `${low}至${high}`,
  ci95: (interval) => `95%置信区间：${interval}`,
  yuan: (x) => {
    if (!Number.isFinite(x)) return '无';
    const a = Math.abs(x);
    if (a >= 1e8) return `${num(x / 1e8, 2)}亿元`;
    if (a >= 1e4) return `${num(x / 1e4, 1)}万元`;
    return `${num(Math.round(x), 0)}元`;
  },
  notAvailable: '无',
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`),
  perVillageYear: '每村每年',
  perMillion: (unit) => `${unit}/百万元`,

  defaultTitle: 'talentsim 模拟报告：村党组织后继有人',
  robustnessTitle: 'talentsim 稳健性分析：各路径的排序是否稳健？',
  readAt: (year, n, baseline) => `结果取<strong>${year}年</strong>数值。共${n}个情景，差值均相对于${baseline}。`,
  sections: {
    summary: '决策摘要',
    reading: '结果解读',
    scenarios: '情景说明',
    outcomes: (year) => `${year}年主要结果`,
    charts: '图表',
    run: '运行信息',
  },
  noComparison: '期末没有可比较的结果。',
  noReading: '没有可解读的比较结果。',
  chartFailed: '图表未能生成：',

  scenarioTable: {
    scenario: '情景',
    description: '说明',
    levers: '政策措施',
    shocks: '外部冲击',
    baselineMark: '本次比较的基线',
    none: '无',
    shock: (kind, start, duration) => `第${start}年起${kind === 'lockdown' ? '封控' : '经济下行'}${duration}年`,
    window: (from, until) => (from === 1 && until === null ? '' : until === null ? `（第${from}年起）` : `（第${from}至${until}年）`),
  },

  outcomeTable: {
    scenario: '情景',
    spending: '每村每年政策支出',
    outcome: '指标',
    mean: '均值［95%置信区间］',
    diff: (b) => `与${b}之差［95%置信区间］`,
    better: (b) => `优于${b}的重复模拟占比`,
    replicates: '重复模拟次数',
    caption: (b) =>
      `比例以百分数表示，比例之差以百分点表示。差值为配对差值：同一次重复模拟、使用相同随机数，分别在该情景和${b}下运行后相减。“优于”按各指标的方向判断（例如预警村党组织越少越好）。政策支出为模拟期内年均政策支出除以行政村数。`,
    spendingUnknown: '无',
  },

  charts: {
    year: '年份',
    scenario: '情景',
    mean: '均值',
    p5: '第5百分位',
    p95: '第95百分位',
    bandSubtitle: '线：各次重复模拟的均值；带：第5至第95百分位',
    startup: '起步期',
    effects: {
      heading: '期末政策效果',
      caption: '相对基线的配对差值均值（同一次重复模拟、相同随机数）及其95%置信区间。',
      title: (year, b) => `${year}年各情景相对${b}的效果`,
      subtitle: '点：各次重复模拟配对差值的均值；线：95%置信区间',
      axis: (b, unit) => `与${b}之差（${unit}）`,
      diff: '差值',
      low: '95%置信区间下限',
      high: '95%置信区间上限',
      betterIn: '优于基线的占比',
    },
    members: {
      heading: '正式党员人数变化',
      caption: '全县正式党员总数；线为各次重复模拟的均值，带为第5至第95百分位。',
      title: '全县正式党员人数变化',
    },
    age: {
      heading: '党员年龄结构',
      caption: '35岁及以下、36—60岁、61岁及以上党员所占比例的均值。',
      title: '党员年龄结构',
      subtitle: '各年龄段党员占比（各次重复模拟的均值）',
      axis: '占党员比例（%）',
      legend: '年龄段',
      bands: ['35岁及以下', '36—60岁', '61岁及以上'],
      band: '年龄段',
      share: '占比',
    },
    warning: {
      heading: '预警村党组织',
      caption: '处于预警状态的村党组织占比；均值及第5至第95百分位带。',
      title: '预警村党组织占比变化',
    },
    funnel: {
      heading: '党员发展各环节',
      caption: '所选年份从入党申请人到正式党员各环节的人数（各次重复模拟的均值）。',
      title: '党员发展各环节人数',
      subtitle: '全县各环节人数（各次重复模拟的均值）',
      stage: '发展环节',
      axis: '人数（均值，人）',
      persons: '人数',
    },
    costEffectiveness: {
      heading: '投入产出',
      caption: '期末相对基线的增量除以累计新增政策支出（以百万元计）。没有新增支出的情景不列出。',
      title: (year) => `${year}年每百万元新增投入的效果`,
      subtitle: (b) => `期末与${b}之差 ÷ 累计新增政策支出；线：95%区间`,
      axis: (unit) => `每百万元带来的增量（${unit}/百万元）`,
      perMillion: '每百万元',
      gain: (b) => `比${b}增加`,
      extraCost: '新增支出（百万元）',
    },
    migration: {
      heading: '人口流动',
      caption: '每年的青年外出率和返乡率；均值及第5至第95百分位带。',
      title: '青年外出与返乡',
    },
  },
  startupNote: (first, last, flowsFrom) =>
    `阴影部分为起步期（${first}—${last}年）。模拟县从生成的初始状态出发，最初几年在各情景下都会自行调整（例如预警村党组织占比在约两年内从初始值明显回落），请以${last}年以后的结果为准。外出率、新发展党员、政策支出等年度流量自${flowsFrom}年起才有数值：首年是尚未模拟的初始状态。`,

  reading: {
    single: (f) => `到${f.year}年，与${f.baseline}相比，${f.scenario}使${f.phrase}${verb(f.change)}${f.size}（95%置信区间：${f.interval}）${f.better ? `，在${f.better}的重复模拟中优于${f.baseline}` : ''}。`,
    noDifference: (f) => `到${f.year}年，在${f.phrase}上，${f.scenario}与${f.baseline}难以区分：差值为${f.diff}（95%置信区间：${f.interval}）。`,
    worse: (f) => `到${f.year}年，与${f.baseline}相比，${f.scenario}使${f.phrase}变差：差值为${f.diff}（95%置信区间：${f.interval}）。`,
    noneBetter: (f) => `到${f.year}年，没有情景使${f.phrase}明显优于${f.baseline}；差值最有利的是${f.scenario}：${f.diff}（95%置信区间：${f.interval}）。`,
    best: (f, l) =>
      `到${f.year}年，${f.scenario}使${f.phrase}${verb(f.change)}最多：与${f.baseline}相比${verb(f.change)}${f.size}（95%置信区间：${f.interval}）${f.better ? `，在${f.better}的重复模拟中优于${f.baseline}` : ''}；比排名第二的${l.runnerUp}${f.change === 'raised' ? '多' : '少'}${l.size}（95%置信区间：${l.interval}）。`,
    tied: (f, group, l) =>
      `到${f.year}年，在${f.phrase}上，${ZH.list(group)}难以区分（${l.leader}减${l.runnerUp}：${l.diff}，95%置信区间：${l.interval}）；${f.scenario}与${f.baseline}之差为${f.diff}（95%置信区间：${f.interval}）。`,
    costBest: (leader, perMillion, interval, l, outcome) =>
      `按每百万元新增支出计，${leader}增加${outcome}最多：每百万元${perMillion}（95%置信区间：${interval}）` +
      (l ? `；比${l.runnerUp}多${l.size}（95%置信区间：${l.interval}）。` : '。'),
    costSingle: (s, perMillion, interval, outcome) => `按每百万元新增支出计，${s}每百万元使${outcome}变化${perMillion}（95%置信区间：${interval}）。`,
    costTied: (group, values, l, outcome) =>
      `按每百万元新增支出计，${ZH.list(group)}在${outcome}上难以区分：每百万元分别为${values.join('、')}（${l.leader}减${l.runnerUp}：${l.diff}，95%置信区间：${l.interval}）。`,
  },

  summary: {
    question: (n, year, b, only) =>
      only
        ? `<strong>问题：</strong>与${b}相比，到${year}年${only}能否使更多村党组织摆脱预警、实现后继有人？需要投入多少？`
        : `<strong>问题：</strong>与${b}相比，所比较的${n}项政策中，到${year}年哪一项能使更多村党组织摆脱预警、实现后继有人？需要投入多少？`,
    answer: '回答',
    costs: (scenarios, perVillage, perCounty, villages) =>
      perVillage ? `${ZH.list(scenarios)}每村每年投入${perVillage}${villages ? `（全县${villages}个行政村每年合计${perCounty}）` : ''}。` : `${ZH.list(scenarios)}每年投入${perCounty}。`,
    costRange: (low, high) => `所比较政策的投入为每村每年${low}至${high}。`,
    table: {
      scenario: '情景',
      perVillage: '每村每年政策支出',
      perCounty: '全县每年政策支出',
      effect: (outcome, b) => `${outcome}：与${b}之差（百分点）［95%置信区间］`,
      level: (year) => `${year}年水平`,
    },
    distinguishable: '模型能区分什么、不能区分什么',
    distinct: (outcome, b, yes, no) =>
      `${outcome}：${yes.length ? `${ZH.list(yes)}与${b}有明显差别（95%置信区间不含0）` : `没有情景与${b}有明显差别`}` +
      (no.length ? `；${ZH.list(no)}与${b}难以区分。` : '。'),
    caveatHeading: '重要说明',
    caveat: (replicates, startup) =>
      `以上是在既定假设下的模型结果，不是预测。模拟县为合成县，依据人口普查和统计公报数据校准；部分效应参数和各项措施的成本为假设值（见参数和情景说明）。区间为${replicates}次重复模拟（共同随机数）的95%置信区间，只反映模拟中的随机波动，不反映假设本身的不确定性。${startup > 0 ? `前${startup}年为起步期。` : ''}`,
    printHint: '可打印为一页A4纸。',
    fullReport: '完整报告（report.html）包括全部图表、各项指标和运行信息。',
  },

  run: {
    keys: {
      talentsim: 'talentsim 版本',
      node: 'Node.js',
      platform: '平台',
      command: '命令',
      kind: '类型',
      model: '模型',
      baseline: '基线',
      scenarios: '情景',
      metrics: '指标',
      workers: '工作线程',
      shard: '分片',
      replicatesComputed: '本次计算的重复模拟',
      replicatesResumed: '续算沿用的重复模拟',
      failures: '失败的重复模拟',
      startedAt: '开始时间',
      seconds: '用时（秒）',
      seeds: '随机种子',
      replicates: '重复模拟次数',
    },
    scenarioFile: '情景文件（YAML）',
    allMetrics: (n) => `${n}项指标`,
    none: '无',
  },

  best: {
    heading: '哪条路径最好？结论是否经得起不确定性？',
    intro: '各情景在期末各项主要结果上取得最好值的概率：在配对的重复模拟中取得最好值的占比（并列时平分）。',
    withPosterior: '每次重复模拟使用从校准后验分布中抽取的一组参数（同一次重复在各情景中使用同一组参数），因此这些占比同时包含参数不确定性和随机波动。',
    withoutPosterior: '所有重复模拟使用同一组参数：这些占比只反映模型的随机波动，不含参数不确定性（加 --posterior 可纳入）。',
    outcome: '结果指标',
    outcomeCell: (label, d) => `${label}（${d}为好）`,
    share: (p, n) => `${n}次配对重复模拟中的${p}`,
    survives: (label, leader, share) => `${label}：${leader}在${share}中最好——这一结论经得起不确定性。`,
    leans: (label, leader, share) => `${label}：${leader}在${share}中最好——只是倾向，尚不能下定论。`,
    open: (label, threshold, leader, share) => `${label}：没有哪个情景在${threshold}以上的重复模拟中最好（${leader}领先，占${share}）——排序不稳定。`,
  },

  robustness: {
    heading: '排序是否稳健？',
    noRows: '没有稳健性分析结果。',
    chartTitle: '排序是否稳健？各情景胜出的参数抽样占比',
    chartSubtitle: (draws) => `在各参数声明范围内拉丁超立方抽样${draws}组，采用共同随机数`,
    beats: '优于基线',
    first: '排名第一',
    shareOfDraws: '抽样占比',
    intro: (n) =>
      `每个情景都在从各参数声明范围内抽取的${n}组参数（拉丁超立方抽样）下运行，采用共同随机数，并在期末比较。对每项指标列出：情景严格优于基线的抽样占比；在所有情景中排名第一的抽样占比（并列时平分）；以及情景发现方法找到的、最能区分其胜出与落后抽样的参数规则。覆盖率是其胜出抽样落在规则内的比例；密度是规则内抽样中其胜出的比例。`,
    precision: (n, pp) =>
      `精度：每个占比来自${n}组抽样，误差约为±${pp}个百分点（±1/√抽样数，约为50%附近占比的95%误差范围）。小于这一幅度的差别不能说明排序不同。`,
    better: (d) => `越${d}越好`,
    higher: '高',
    lower: '低',
    outcomeHeading: (label, d, draws) => `${label} <span class="caption">（${d}；${draws}组抽样）</span>`,
    table: {
      scenario: '情景', beats: '优于基线的占比', first: '排名第一的占比', meanDiff: '与基线之差的均值',
      rule: '优于基线的参数区域（规则）', coverage: '覆盖率', density: '密度', noRule: '无可区分的参数区域',
    },
    leadersEqual: (label, d, leaders, share, n) => `${label}（${d}）：${leaders.join('与')}排名第一的次数相同（在${n}组抽样中各占${share}）。`,
    leader: (label, d, leader, share, n) => `${label}（${d}）：${leader}排名第一的次数最多（占${n}组抽样的${share}）。`,
    it: '该情景',
    always: (who) => `无论参数如何，${who}在每组抽样中都优于基线。`,
    never: (who) => `无论参数如何，${who}在任何抽样中都不优于基线。`,
    noneBeats: '没有路径在任何抽样中优于基线。',
    otherFocus: (focus, beats, rule, coverage, density) =>
      `；最常优于基线的路径是${focus}，占抽样的${beats}` +
      (rule ? `，主要出现在${rule}时（其胜出抽样的${coverage}落在这一区域，该区域内它胜出的比例为${density}）。` : '；没有单一参数区域能区分其胜出与落后。'),
    withRule: (who, beats, rule, coverage, density) =>
      `${who}在${beats}的抽样中优于基线；胜出集中在${rule}时（其胜出抽样的${coverage}落在这一区域，该区域内它胜出的比例为${density}）；区域外则多数落后。`,
    withoutRule: (who, beats) => `${who}在${beats}的抽样中优于基线；没有单一参数区域能区分其胜出与落后的抽样。`,
  },
};
