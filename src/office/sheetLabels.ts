/**
 * Every word a built workbook shows (titles, labels, notes, headers, chart titles), declared once in the
 * three languages the pane speaks. The specs (templateSpec.ts, claimsSheet.ts, historySheet.ts, sheetAssembly.ts)
 * take a `SheetLabels` and never spell a visible word themselves; the build passes the pane's language.
 *
 * What does NOT change with the language, so a workbook built in one language works in every other:
 * - formulas: every reference, function call and argument is identical in every language; only the text
 *   literals a title or a fallback shows differ (tests/unit/office/sheetLabels.test.ts compares every
 *   formula of an English and a Chinese build cell by cell);
 * - sheet and table names ("AIFIN Exposure", "AIFIN_Facts"): formulas name them, the ownership record
 *   finds AIFIN's sheets by id and proof (never by name), and an English pane updating a workbook built in
 *   Chinese finds and rewrites the same sheets. Like function names, they stay English in every locale;
 * - the Facts and Entities table columns (AIFIN.MODEL reads them by name), the SCENARIO assumption names,
 *   the AIFIN function arguments ("self_funded"), provenance and status codes, and NO_FIGURE ("n/a");
 * - data: entity names, fact and source texts, and what the functions' spills print (CYCLES, HISTORY).
 *
 * Adding a label: one entry with en, zh-TW and zh-CN (the `satisfies` below fails to compile without all
 * three); tests/unit/office/sheetLabels.test.ts checks none is empty and zh-CN holds no Traditional-only character.
 * Adding a language: add it to SHEET_LANGUAGES and the compiler lists every label to translate.
 */
import { ASSUMPTIONS, CLAIM_FIGURES, CLAIMS } from "../model";

/** The languages a workbook can be built in (the pane's languages, by their sheet tag). */
export const SHEET_LANGUAGES = ["en", "zh-TW", "zh-CN"] as const;
export type SheetLanguage = (typeof SHEET_LANGUAGES)[number];

/** One label in every language. */
export type Translated<T> = Readonly<Record<SheetLanguage, T>>;

const opinionOf = (id: string): string => CLAIMS.find((c) => c.id === id)?.opinion ?? "";
const S13 = CLAIM_FIGURES.S13;
const S14 = CLAIM_FIGURES.S14;

/** The labels; a function label takes the parts only the build knows (sheet names, counts, versions). */
const LABELS = {
  // Shared
  id: { en: "Id", "zh-TW": "代號", "zh-CN": "代号" },
  entity: { en: "Entity", "zh-TW": "公司", "zh-CN": "公司" },
  total: { en: "Total", "zh-TW": "合計", "zh-CN": "合计" },
  aliasNote: { en: "Any alias works (OPENAI, OpenAI, 開放人工智慧...).", "zh-TW": "任何別名皆可（OPENAI、OpenAI、開放人工智慧……）。", "zh-CN": "任何别名均可（OPENAI、OpenAI、开放人工智能……）。" },
  modelingChoice: { en: "modelling choice", "zh-TW": "建模選擇", "zh-CN": "建模选择" },

  // Exposure
  exposureTitleStart: { en: "AIFIN circular exposure by entity, as of ", "zh-TW": "AIFIN 各公司循環融資曝險，基準日 ", "zh-CN": "AIFIN 各公司循环融资敞口，基准日 " },
  exposureTitleRumoured: { en: " (including rumoured facts)", "zh-TW": "（含傳聞事實）", "zh-CN": "（含传闻事实）" },
  exposureTitleConfirmed: { en: " (confirmed facts)", "zh-TW": "（僅確認事實）", "zh-CN": "（仅确认事实）" },
  asOf: { en: "As of", "zh-TW": "基準日", "zh-CN": "基准日" },
  includeRumoured: { en: "Include rumoured", "zh-TW": "含傳聞", "zh-CN": "含传闻" },
  model: { en: "Model", "zh-TW": "模型", "zh-CN": "模型" },
  exposureNote: {
    en: (noFigure: string, facts: string, entities: string, version: string) =>
      `USD bn; shares as fractions (${noFigure}: no contracts in, or no capex recorded). Live formulas over the ${facts} and ${entities} tables (dataset ${version}): edit a fact and this sheet recalculates.`,
    "zh-TW": (noFigure: string, facts: string, entities: string, version: string) =>
      `單位：十億美元；占比以小數表示（${noFigure}：沒有客戶合約，或沒有資本支出紀錄）。公式即時讀取 ${facts} 與 ${entities} 表格（資料集 ${version}）：修改任一事實，本工作表即重新計算。`,
    "zh-CN": (noFigure: string, facts: string, entities: string, version: string) =>
      `单位：十亿美元；占比以小数表示（${noFigure}：没有客户合约，或没有资本支出记录）。公式实时读取 ${facts} 与 ${entities} 表格（数据集 ${version}）：修改任一事实，本工作表即重新计算。`,
  },
  exposureTotalNote: { en: "All entities (sum of each entity's own figure)", "zh-TW": "全部公司（各公司自身數字加總）", "zh-CN": "全部公司（各公司自身数字加总）" },
  exposureChartTitle: { en: "Self-funded exposure and funded backlog (USD bn)", "zh-TW": "自我融資曝險與受資助訂單（十億美元）", "zh-CN": "自我融资敞口与受资助订单（十亿美元）" },

  // Stress
  stressTitleStart: { en: "AIFIN stress test: ", "zh-TW": "AIFIN 壓力測試：", "zh-CN": "AIFIN 压力测试：" },
  stressTitleCuts: { en: " cuts ", "zh-TW": " 削減 ", "zh-CN": " 削减 " },
  stressTitleEnd: { en: "% of its commitments", "zh-TW": "% 的承諾", "zh-CN": "% 的承诺" },
  shockedEntity: { en: "Shocked entity", "zh-TW": "受衝擊公司", "zh-CN": "受冲击公司" },
  cutLabel: { en: "Cut (share of commitments)", "zh-TW": "削減（承諾的比例）", "zh-CN": "削减（承诺的比例）" },
  cutNote: { en: "Between 0% and 100%.", "zh-TW": "介於 0% 與 100% 之間。", "zh-CN": "介于 0% 与 100% 之间。" },
  multipleLabel: { en: "EV/revenue multiple", "zh-TW": "EV／營收倍數", "zh-CN": "EV／营收倍数" },
  multipleNote: { en: "Empty: the model's default multiple.", "zh-TW": "留空：使用模型預設倍數。", "zh-CN": "留空：使用模型默认倍数。" },
  notMeasured: { en: "not measured", "zh-TW": "無法衡量", "zh-CN": "无法衡量" },
  stressAsOfNote: {
    en: (exposure: string, asOf: string, model: string) =>
      `As of and model: ${exposure} (cells ${asOf} and ${model}). USD bn. "not measured": the model has no value fact or no dollar amount for it (not a zero).`,
    "zh-TW": (exposure: string, asOf: string, model: string) =>
      `基準日與模型：${exposure}（儲存格 ${asOf} 與 ${model}）。單位：十億美元。「無法衡量」：模型沒有其價值事實或金額（並非零）。`,
    "zh-CN": (exposure: string, asOf: string, model: string) =>
      `基准日与模型：${exposure}（单元格 ${asOf} 与 ${model}）。单位：十亿美元。“无法衡量”：模型没有其价值事实或金额（并非零）。`,
  },
  stressTotalNote: { en: "All entities", "zh-TW": "全部公司", "zh-CN": "全部公司" },
  s14ClaimLabel: {
    en: "Article claim: market value the hyperscalers lose if OpenAI cuts its committed spend (USD bn)",
    "zh-TW": "文章主張：OpenAI 削減承諾支出時，超大規模雲端業者損失的市值（十億美元）",
    "zh-CN": "文章主张：OpenAI 削减承诺支出时，超大规模云服务商损失的市值（十亿美元）",
  },
  s14ModelLabel: {
    en: "Hyperscalers' market value at risk + investor loss, when OpenAI is shocked (USD bn)",
    "zh-TW": "OpenAI 受衝擊時，超大規模雲端業者面臨風險的市值＋投資損失（十億美元）",
    "zh-CN": "OpenAI 受冲击时，超大规模云服务商面临风险的市值＋投资损失（十亿美元）",
  },
  s14OnlyWhen: {
    en: `S14 applies only when ${S14.shocked} cuts`,
    "zh-TW": `S14 僅適用於 ${S14.shocked} 削減時`,
    "zh-CN": `S14 仅适用于 ${S14.shocked} 削减时`,
  },
  ratio: { en: "Ratio", "zh-TW": "比率", "zh-CN": "比率" },
  modelOverClaim: { en: "Model / claim", "zh-TW": "模型／主張", "zh-CN": "模型／主张" },
  assumptionsHeader: { en: "Assumption (AIFIN.SCENARIO name)", "zh-TW": "假設（AIFIN.SCENARIO 名稱）", "zh-CN": "假设（AIFIN.SCENARIO 名称）" },
  value: { en: "Value", "zh-TW": "值", "zh-CN": "值" },
  sourceAndDefault: { en: "Source and sourced default", "zh-TW": "來源與有來源的預設值", "zh-CN": "来源与有来源的默认值" },
  assumptionNote: {
    en: (subject: string, value: string, sources: string) => `${subject}: default ${value} (${sources})`,
    "zh-TW": (subject: string, value: string, sources: string) => `${subject}：預設 ${value}（${sources}）`,
    "zh-CN": (subject: string, value: string, sources: string) => `${subject}：默认 ${value}（${sources}）`,
  },
  scenario: { en: "Scenario", "zh-TW": "情境", "zh-CN": "情景" },
  scenarioNote: {
    en: "Every STRESS formula above reads this handle: edit a value to change the stress.",
    "zh-TW": "上方每個 STRESS 公式都讀取此控制代碼：修改任一值即改變壓力測試。",
    "zh-CN": "上方每个 STRESS 公式都读取此句柄：修改任一值即改变压力测试。",
  },

  // Cycles
  cyclesTitleStart: { en: "AIFIN money cycles through ", "zh-TW": "AIFIN 資金循環，經過：", "zh-CN": "AIFIN 资金循环，经过：" },
  cyclesEntityNote: { en: "Type any alias; the list below recalculates.", "zh-TW": "輸入任何別名；下方清單即重新計算。", "zh-CN": "输入任何别名；下方列表即重新计算。" },
  maxCycleLength: { en: "Max cycle length", "zh-TW": "循環長度上限", "zh-CN": "循环长度上限" },
  cycleLengthNote: {
    en: (min: number, max: number) => `Entities per cycle, ${min} to ${max}.`,
    "zh-TW": (min: number, max: number) => `每個循環的公司數，${min} 至 ${max}。`,
    "zh-CN": (min: number, max: number) => `每个循环的公司数，${min} 至 ${max}。`,
  },
  cyclesNote: {
    en: (exposure: string) => `As of and model: ${exposure} (cells B2 and F2). Bottleneck = the smallest flow on the cycle (USD bn).`,
    "zh-TW": (exposure: string) => `基準日與模型：${exposure}（儲存格 B2 與 F2）。瓶頸＝循環上最小的一筆資金流（十億美元）。`,
    "zh-CN": (exposure: string) => `基准日与模型：${exposure}（单元格 B2 与 F2）。瓶颈＝循环上最小的一笔资金流（十亿美元）。`,
  },

  // History
  historyTitleStart: { en: "AIFIN exposure over time: ", "zh-TW": "AIFIN 曝險隨時間變化：", "zh-CN": "AIFIN 敞口随时间变化：" },
  historyEntityNote: { en: "Any alias works; the series below recalculates.", "zh-TW": "任何別名皆可；下方序列即重新計算。", "zh-CN": "任何别名均可；下方序列即重新计算。" },
  from: { en: "From", "zh-TW": "起始日", "zh-CN": "起始日" },
  historyFromNote: {
    en: "An ISO date or an Excel date. The series ends on the as-of date of the Exposure sheet.",
    "zh-TW": "ISO 日期或 Excel 日期。序列止於 Exposure 工作表的基準日。",
    "zh-CN": "ISO 日期或 Excel 日期。序列止于 Exposure 工作表的基准日。",
  },
  step: { en: "Step", "zh-TW": "間隔", "zh-CN": "间隔" },
  historyStepNote: {
    en: '"month" (month ends), "quarter" (quarter ends) or "facts" (the dates facts moved a figure).',
    "zh-TW": '"month"（月底）、"quarter"（季底）或 "facts"（事實使數字變動的日期）。',
    "zh-CN": '"month"（月末）、"quarter"（季末）或 "facts"（事实使数字变动的日期）。',
  },
  historyNote: {
    en: (exposure: string) =>
      `USD bn. Each row is the model on that date: facts count from their own date, and a fact replaced by a later one drops out on the replacing fact's date. As of and model: ${exposure} (B2, F2).`,
    "zh-TW": (exposure: string) =>
      `單位：十億美元。每一列是該日期的模型：事實自其日期起計入，被後來事實取代者於取代日退出。基準日與模型：${exposure}（B2、F2）。`,
    "zh-CN": (exposure: string) =>
      `单位：十亿美元。每一行是该日期的模型：事实自其日期起计入，被后来事实取代者于取代日退出。基准日与模型：${exposure}（B2、F2）。`,
  },
  historyChartTitle: { en: "Exposure over time (USD bn)", "zh-TW": "曝險隨時間變化（十億美元）", "zh-CN": "敞口随时间变化（十亿美元）" },

  // Claims
  claimsTitle: {
    en: "AIFIN claims: the source article (5 Feb 2026) recomputed from the model",
    "zh-TW": "AIFIN 主張核對：以模型重算原文（2026 年 2 月 5 日）的主張",
    "zh-CN": "AIFIN 主张核对：以模型重算原文（2026 年 2 月 5 日）的主张",
  },
  claimsAsOfNote: {
    en: (exposure: string) => `As of and model: ${exposure} (B2, F2). Set B2 to 2026-02-05 and D2 to TRUE there for the article's own view.`,
    "zh-TW": (exposure: string) => `基準日與模型：${exposure}（B2、F2）。在該表把 B2 設為 2026-02-05、D2 設為 TRUE，即得文章當時的視角。`,
    "zh-CN": (exposure: string) => `基准日与模型：${exposure}（B2、F2）。在该表把 B2 设为 2026-02-05、D2 设为 TRUE，即得文章当时的视角。`,
  },
  claimsUnitNote: {
    en: "USD bn unless a percentage. A claim without a formula is qualitative or an opinion: the note says why.",
    "zh-TW": "除百分比外單位為十億美元。沒有公式的主張屬定性描述或意見：備註說明原因。",
    "zh-CN": "除百分比外单位为十亿美元。没有公式的主张属定性描述或意见：备注说明原因。",
  },
  claim: { en: "Claim", "zh-TW": "主張", "zh-CN": "主张" },
  claimText: { en: "What the article says", "zh-TW": "文章內容", "zh-CN": "文章内容" },
  articleFigure: { en: "Article figure", "zh-TW": "文章數字", "zh-CN": "文章数字" },
  aifinLive: { en: "AIFIN (live)", "zh-TW": "AIFIN（即時）", "zh-CN": "AIFIN（实时）" },
  gap: { en: "Gap (AIFIN − article)", "zh-TW": "差距（AIFIN − 文章）", "zh-CN": "差距（AIFIN − 文章）" },
  formula: { en: "Formula", "zh-TW": "公式", "zh-CN": "公式" },
  note: { en: "Note", "zh-TW": "備註", "zh-CN": "备注" },

  // Facts, Entities
  factsTitle: {
    en: (n: number, version: string) => `AIFIN facts: ${n} cited facts, dataset ${version} (USD bn; fractions as %)`,
    "zh-TW": (n: number, version: string) => `AIFIN 事實：${n} 筆附出處的事實，資料集 ${version}（十億美元；比例以 % 表示）`,
    "zh-CN": (n: number, version: string) => `AIFIN 事实：${n} 条附出处的事实，数据集 ${version}（十亿美元；比例以 % 表示）`,
  },
  factsNote: {
    en: "Edit amounts or add rows: every AIFIN formula in this workbook recalculates. Refresh data keeps the rows you edited or added.",
    "zh-TW": "修改金額或新增列：本活頁簿的每個 AIFIN 公式都會重新計算。「更新資料」會保留您編輯或新增的列。",
    "zh-CN": "修改金额或添加行：本工作簿的每个 AIFIN 公式都会重新计算。“更新数据”会保留您编辑或添加的行。",
  },
  entitiesTitle: {
    en: (n: number) => `AIFIN entities: ${n} companies, labs, lenders and groups`,
    "zh-TW": (n: number) => `AIFIN 公司：${n} 家公司、實驗室、放款人與集團`,
    "zh-CN": (n: number) => `AIFIN 公司：${n} 家公司、实验室、放款人与集团`,
  },
  entitiesNote: {
    en: "Aliases (tickers, names, Chinese names) are what AIFIN functions accept; a group's facts are never summed with its members'.",
    "zh-TW": "別名（股票代號、名稱、中文名稱）即 AIFIN 函數接受的寫法；集團的事實從不與其成員的事實相加。",
    "zh-CN": "别名（股票代码、名称、中文名称）即 AIFIN 函数接受的写法；集团的事实从不与其成员的事实相加。",
  },

  // Sources
  sourcesTitle: {
    en: (sources: number, facts: number, version: string) => `AIFIN sources: ${sources} sources behind ${facts} facts (dataset ${version})`,
    "zh-TW": (sources: number, facts: number, version: string) => `AIFIN 出處：${facts} 筆事實背後的 ${sources} 個出處（資料集 ${version}）`,
    "zh-CN": (sources: number, facts: number, version: string) => `AIFIN 出处：${facts} 条事实背后的 ${sources} 个出处（数据集 ${version}）`,
  },
  sourcesNote: {
    en: "Unverified sources rest on the source article, on memory or on compiled digests; provenance runs estimate < secondary < article < press < primary (docs/data.md).",
    "zh-TW": "未查證的出處來自原文、記憶或彙編摘要；出處等級由弱至強為 estimate < secondary < article < press < primary（docs/data.md）。",
    "zh-CN": "未核实的出处来自原文、记忆或汇编摘要；出处等级由弱至强为 estimate < secondary < article < press < primary（docs/data.md）。",
  },
  source: { en: "Source", "zh-TW": "出處", "zh-CN": "出处" },
  publisher: { en: "Publisher", "zh-TW": "發布者", "zh-CN": "发布者" },
  date: { en: "Date", "zh-TW": "日期", "zh-CN": "日期" },
  link: { en: "Link", "zh-TW": "連結", "zh-CN": "链接" },
  facts: { en: "Facts", "zh-TW": "事實", "zh-CN": "事实" },
  articleClaims: { en: "Article claims", "zh-TW": "文章主張", "zh-CN": "文章主张" },
  verified: { en: "Verified", "zh-TW": "已查證", "zh-CN": "已核实" },
  provenance: { en: "Provenance", "zh-TW": "出處等級", "zh-CN": "出处等级" },
  yes: { en: "yes", "zh-TW": "是", "zh-CN": "是" },
  no: { en: "no", "zh-TW": "否", "zh-CN": "否" },
} satisfies Record<string, Translated<string | ((...args: never[]) => string)>>;

/** Headers of the Exposure sheet's measures, by EXPOSURE_MEASURES key. */
const EXPOSURE_HEADERS = {
  selfFunded: { en: "Self-funded exposure (USD bn)", "zh-TW": "自我融資曝險（十億美元）", "zh-CN": "自我融资敞口（十亿美元）" },
  fundedBacklog: { en: "Funded backlog (USD bn)", "zh-TW": "受資助的訂單（十億美元）", "zh-CN": "受资助的订单（十亿美元）" },
  share: { en: "Circular share", "zh-TW": "循環占比", "zh-CN": "循环占比" },
  capexOffset: { en: "Capex offset (USD bn)", "zh-TW": "資本支出抵銷（十億美元）", "zh-CN": "资本支出抵销（十亿美元）" },
  capexOffsetRatio: { en: "Capex offset ratio", "zh-TW": "資本支出抵銷比率", "zh-CN": "资本支出抵销比率" },
  selfFundedCommitted: { en: "Self-funded, committed money (USD bn)", "zh-TW": "自我融資，承諾總額（十億美元）", "zh-CN": "自我融资，承诺总额（十亿美元）" },
} satisfies Record<string, Translated<string>>;

/** Headers of the Stress sheet's measures, by STRESS_MEASURES key. */
const STRESS_HEADERS = {
  revenueLost: { en: "Revenue lost (USD bn)", "zh-TW": "營收損失（十億美元）", "zh-CN": "营收损失（十亿美元）" },
  lenderLoss: { en: "Lender loss (USD bn)", "zh-TW": "放款人損失（十億美元）", "zh-CN": "放款人损失（十亿美元）" },
  marketValueAtRisk: { en: "Market value at risk (USD bn)", "zh-TW": "面臨風險的市值（十億美元）", "zh-CN": "面临风险的市值（十亿美元）" },
  investorLoss: { en: "Investor loss (USD bn)", "zh-TW": "投資人損失（十億美元）", "zh-CN": "投资人损失（十亿美元）" },
  totalLoss: { en: "Total loss (USD bn)", "zh-TW": "損失合計（十億美元）", "zh-CN": "损失合计（十亿美元）" },
} satisfies Record<string, Translated<string>>;

/**
 * What each sourced assumption applies to (model/data/assumptions.ts `appliesTo`), keyed by the model's
 * English text; the test fails when an assumption's subject has no entry here.
 */
const ASSUMPTION_SUBJECTS: Readonly<Record<string, Translated<string>>> = {
  AMD: { en: "AMD", "zh-TW": "超微（AMD）", "zh-CN": "超威（AMD）" },
  "Amazon (AWS)": { en: "Amazon (AWS)", "zh-TW": "亞馬遜（AWS）", "zh-CN": "亚马逊（AWS）" },
  Broadcom: { en: "Broadcom", "zh-TW": "博通", "zh-CN": "博通" },
  CoreWeave: { en: "CoreWeave", "zh-TW": "CoreWeave", "zh-CN": "CoreWeave" },
  "Google Cloud": { en: "Google Cloud", "zh-TW": "Google Cloud", "zh-CN": "谷歌云" },
  "Microsoft (Intelligent Cloud)": { en: "Microsoft (Intelligent Cloud)", "zh-TW": "微軟（智慧雲）", "zh-CN": "微软（智能云）" },
  Nebius: { en: "Nebius", "zh-TW": "Nebius", "zh-CN": "Nebius" },
  Nvidia: { en: "Nvidia", "zh-TW": "輝達", "zh-CN": "英伟达" },
  "Oracle (GPU rental)": { en: "Oracle (GPU rental)", "zh-TW": "甲骨文（GPU 租賃）", "zh-CN": "甲骨文（GPU 租赁）" },
  "anyone else": { en: "anyone else", "zh-TW": "其他所有公司", "zh-CN": "其他所有公司" },
  "chip makers": { en: "chip makers", "zh-TW": "晶片商", "zh-CN": "芯片商" },
  "cloud vendors": { en: "cloud vendors", "zh-TW": "雲端業者", "zh-CN": "云服务商" },
  "data-centre developers and lessors": { en: "data-centre developers and lessors", "zh-TW": "資料中心開發商與出租方", "zh-CN": "数据中心开发商与出租方" },
  "data-centre developers": { en: "data-centre developers", "zh-TW": "資料中心開發商", "zh-CN": "数据中心开发商" },
  "every vendor (term method)": { en: "every vendor (term method)", "zh-TW": "所有供應商（期限法）", "zh-CN": "所有供应商（期限法）" },
  "every vendor": { en: "every vendor", "zh-TW": "所有供應商", "zh-CN": "所有供应商" },
  "holders of the shocked company's equity": { en: "holders of the shocked company's equity", "zh-TW": "受衝擊公司的股東", "zh-CN": "受冲击公司的股东" },
  "leases of a lessee in default": { en: "leases of a lessee in default", "zh-TW": "違約承租人的租約", "zh-CN": "违约承租人的租约" },
  "leases of a solvent lessee": { en: "leases of a solvent lessee", "zh-TW": "具償付能力承租人的租約", "zh-CN": "具偿付能力承租人的租约" },
  "purchase contracts of a solvent buyer": { en: "purchase contracts of a solvent buyer", "zh-TW": "具償付能力買方的採購合約", "zh-CN": "具偿付能力买方的采购合约" },
  "loans to project vehicles (Stargate sites)": { en: "loans to project vehicles (Stargate sites)", "zh-TW": "對專案公司的貸款（星際之門園區）", "zh-CN": "对项目公司的贷款（星际之门园区）" },
  neoclouds: { en: "neoclouds", "zh-TW": "新興雲端業者", "zh-CN": "新兴云服务商" },
  "other borrowers' bonds and loans": { en: "other borrowers' bonds and loans", "zh-TW": "其他借款方的債券與貸款", "zh-CN": "其他借款方的债券与贷款" },
  "other chip makers": { en: "other chip makers", "zh-TW": "其他晶片商", "zh-CN": "其他芯片商" },
  "other cloud vendors": { en: "other cloud vendors", "zh-TW": "其他雲端業者", "zh-CN": "其他云服务商" },
  "other neoclouds": { en: "other neoclouds", "zh-TW": "其他新興雲端業者", "zh-CN": "其他新兴云服务商" },
  "project loans to data-centre developers (Vantage)": { en: "project loans to data-centre developers (Vantage)", "zh-TW": "對資料中心開發商的專案貸款（Vantage）", "zh-CN": "对数据中心开发商的项目贷款（Vantage）" },
  "stakes the model values at cost": { en: "stakes the model values at cost", "zh-TW": "模型以成本計價的持股", "zh-CN": "模型以成本计价的持股" },
};

/** Label and note of each Claims sheet row (claimsSheet.ts `claimRows`, by row key). */
const CLAIM_ROWS = {
  "S1.valuation": {
    label: { en: "OpenAI valuation (USD bn)", "zh-TW": "OpenAI 估值（十億美元）", "zh-CN": "OpenAI 估值（十亿美元）" },
    note: { en: "The valuation fact the article reported (C139); later rounds are separate facts.", "zh-TW": "文章所報的估值事實（C139）；其後各輪為另外的事實。", "zh-CN": "文章所报的估值事实（C139）；其后各轮为另外的事实。" },
  },
  "S1.round": {
    label: { en: "Round size, up to (USD bn)", "zh-TW": "本輪規模上限（十億美元）", "zh-CN": "本轮规模上限（十亿美元）" },
    note: { en: "An 'up to' figure (A01).", "zh-TW": "「最多」的數字（A01）。", "zh-CN": "“最多”的数字（A01）。" },
  },
  "S2.NVDA": {
    label: { en: "Nvidia → OpenAI investment", "zh-TW": "輝達 → OpenAI 投資", "zh-CN": "英伟达 → OpenAI 投资" },
    note: { en: "All Nvidia equity in OpenAI in the view (A02 in the article view).", "zh-TW": "此視角中輝達對 OpenAI 的全部股權投資（文章視角為 A02）。", "zh-CN": "此视角中英伟达对 OpenAI 的全部股权投资（文章视角为 A02）。" },
  },
  "S2.AMZN": {
    label: { en: "Amazon → OpenAI investment", "zh-TW": "亞馬遜 → OpenAI 投資", "zh-CN": "亚马逊 → OpenAI 投资" },
    note: { en: "Article view: C138 20; announced: C002 50.", "zh-TW": "文章視角：C138 20；已宣布：C002 50。", "zh-CN": "文章视角：C138 20；已宣布：C002 50。" },
  },
  "S2.SFTBY": {
    label: { en: "SoftBank → OpenAI investment", "zh-TW": "軟銀 → OpenAI 投資", "zh-CN": "软银 → OpenAI 投资" },
    note: { en: "Includes SoftBank's earlier rounds: the gap is money the article did not count.", "zh-TW": "含軟銀先前各輪：差距是文章未計入的資金。", "zh-CN": "含软银先前各轮：差距是文章未计入的资金。" },
  },
  "S2.MSFT": {
    label: { en: "Microsoft → OpenAI investment", "zh-TW": "微軟 → OpenAI 投資", "zh-CN": "微软 → OpenAI 投资" },
    note: { en: "Includes the 13 committed before (C097b): the gap.", "zh-TW": "含先前承諾的 13（C097b）：即差距。", "zh-CN": "含先前承诺的 13（C097b）：即差距。" },
  },
  S3: {
    label: { en: "Partners borrow, OpenAI does not", "zh-TW": "合作夥伴借錢，OpenAI 不借", "zh-CN": "合作伙伴借钱，OpenAI 不借" },
    note: { en: "Qualitative: see the loans to ORCL, CRWV and Vantage vehicles (C013, C015, C022, C051).", "zh-TW": "定性描述：見對 ORCL、CRWV 與 Vantage 專案公司的貸款（C013、C015、C022、C051）。", "zh-CN": "定性描述：见对 ORCL、CRWV 与 Vantage 项目公司的贷款（C013、C015、C022、C051）。" },
  },
  S4: {
    label: { en: "Lenders limit, Oracle spreads near junk", "zh-TW": "放款人設限，甲骨文利差逼近垃圾級", "zh-CN": "放款人设限，甲骨文利差逼近垃圾级" },
    note: { en: "Qualitative: market evidence C116, C118 (docs/methodology.md §7.6).", "zh-TW": "定性描述：市場證據 C116、C118（docs/methodology.md §7.6）。", "zh-CN": "定性描述：市场证据 C116、C118（docs/methodology.md §7.6）。" },
  },
  S5: {
    label: { en: "Oracle sells stock", "zh-TW": "甲骨文增發股票", "zh-CN": "甲骨文增发股票" },
    note: { en: "Qualitative: C016, D028.", "zh-TW": "定性描述：C016、D028。", "zh-CN": "定性描述：C016、D028。" },
  },
  S6: {
    label: { en: "Banks securitise Oracle DC loans", "zh-TW": "銀行將甲骨文資料中心貸款證券化", "zh-CN": "银行将甲骨文数据中心贷款证券化" },
    note: { en: "Qualitative: C116, D031.", "zh-TW": "定性描述：C116、D031。", "zh-CN": "定性描述：C116、D031。" },
  },
  S7: {
    label: { en: "Build stops if partners cannot borrow", "zh-TW": "合作夥伴借不到錢，建設即停", "zh-CN": "合作伙伴借不到钱，建设即停" },
    note: {
      en: opinionOf("S7"),
      "zh-TW": "有條件的預測。資料只能呈現其前提與早期跡象（合作夥伴債務 C051；融資談判破裂後放棄的 Abilene 擴建，D017）。",
      "zh-CN": "有条件的预测。数据只能呈现其前提与早期迹象（合作伙伴债务 C051；融资谈判破裂后放弃的 Abilene 扩建，D017）。",
    },
  },
  S8: {
    label: { en: "Microsoft's stake in OpenAI", "zh-TW": "微軟持有 OpenAI 的股權", "zh-CN": "微软持有 OpenAI 的股权" },
    note: { en: "C028.", "zh-TW": "C028。", "zh-CN": "C028。" },
  },
  "S8.azure": {
    label: { en: "OpenAI's Azure commitment (USD bn)", "zh-TW": "OpenAI 的 Azure 承諾（十億美元）", "zh-CN": "OpenAI 的 Azure 承诺（十亿美元）" },
    note: { en: "C029; later Azure contracts add to it.", "zh-TW": "C029；其後的 Azure 合約再加上去。", "zh-CN": "C029；其后的 Azure 合约再加上去。" },
  },
  S9: {
    label: { en: "OpenAI's contract with Amazon (USD bn)", "zh-TW": "OpenAI 與亞馬遜的合約（十億美元）", "zh-CN": "OpenAI 与亚马逊的合约（十亿美元）" },
    note: { en: "C032; later contracts add to it.", "zh-TW": "C032；其後的合約再加上去。", "zh-CN": "C032；其后的合约再加上去。" },
  },
  S10: {
    label: { en: "Nvidia's money back as GPU purchases", "zh-TW": "輝達的錢以 GPU 採購回流", "zh-CN": "英伟达的钱以 GPU 采购回流" },
    note: {
      en: "No figure in the article: Nvidia's self-funded exposure (min of funding out and purchases back).",
      "zh-TW": "文章沒有數字：輝達的自我融資曝險（對外資金與回購金額取小者）。",
      "zh-CN": "文章没有数字：英伟达的自我融资敞口（对外资金与回购金额取小者）。",
    },
  },
  S11: {
    label: { en: "Giants' cash buys time", "zh-TW": "巨頭的現金爭取時間", "zh-CN": "巨头的现金争取时间" },
    note: {
      en: opinionOf("S11"),
      "zh-TW": "對動機的詮釋。資料只呈現可衡量的一面：OpenAI 的營收對照其現金消耗（C093-C095）。",
      "zh-CN": "对动机的诠释。数据只呈现可衡量的一面：OpenAI 的营收对照其现金消耗（C093-C095）。",
    },
  },
  S12: {
    label: { en: "Investments are not capex", "zh-TW": "投資不算資本支出", "zh-CN": "投资不算资本支出" },
    note: {
      en: "No figure in the article: Microsoft's capex offset ratio (C135; docs/methodology.md).",
      "zh-TW": "文章沒有數字：微軟的資本支出抵銷比率（C135；docs/methodology.md）。",
      "zh-CN": "文章没有数字：微软的资本支出抵销比率（C135；docs/methodology.md）。",
    },
  },
  S13: {
    label: { en: "Big-tech value −50% to −80%", "zh-TW": "科技巨頭市值 −50% 至 −80%", "zh-CN": "科技巨头市值 −50% 至 −80%" },
    note: {
      en: `${opinionOf("S13")} Range ${S13.low * 100}–${S13.high * 100}%; docs/methodology.md §7.5.`,
      "zh-TW": `分析師的情境，不是量測：以引述的主張記錄（C133），未查證。範圍 ${S13.low * 100}–${S13.high * 100}%；docs/methodology.md §7.5。`,
      "zh-CN": `分析师的情景，不是测量：以引述的主张记录（C133），未核实。范围 ${S13.low * 100}–${S13.high * 100}%；docs/methodology.md §7.5。`,
    },
  },
  S14: {
    label: { en: "Hyperscalers' value lost if OpenAI cuts all (USD bn)", "zh-TW": "OpenAI 全部削減時超大規模雲端業者損失的市值（十億美元）", "zh-CN": "OpenAI 全部削减时超大规模云服务商损失的市值（十亿美元）" },
    note: {
      en: "Market value at risk + investor loss of the hyperscalers, OpenAI cutting 100%, at the Stress sheet's multiple (B4).",
      "zh-TW": "超大規模雲端業者面臨風險的市值＋投資損失，OpenAI 削減 100%，採 Stress 工作表的倍數（B4）。",
      "zh-CN": "超大规模云服务商面临风险的市值＋投资损失，OpenAI 削减 100%，采用 Stress 工作表的倍数（B4）。",
    },
  },
  S15: {
    label: { en: "SpaceX 2025 EBITDA (USD bn)", "zh-TW": "SpaceX 2025 年 EBITDA（十億美元）", "zh-CN": "SpaceX 2025 年 EBITDA（十亿美元）" },
    note: { en: "C045.", "zh-TW": "C045。", "zh-CN": "C045。" },
  },
  "S15.xai": {
    label: { en: "xAI burn, first nine months 2025 (USD bn)", "zh-TW": "xAI 2025 年前九個月燒錢（十億美元）", "zh-CN": "xAI 2025 年前九个月烧钱（十亿美元）" },
    note: { en: "C136.", "zh-TW": "C136。", "zh-CN": "C136。" },
  },
} satisfies Record<string, { label: Translated<string>; note: Translated<string> }>;

/** A Claims sheet row key. */
export type ClaimRowKey = keyof typeof CLAIM_ROWS;

type LabelTable = typeof LABELS;

/** The labels of one language, as the specs use them. */
export type SheetLabels = { readonly [K in keyof LabelTable]: LabelTable[K]["en"] } & {
  readonly language: SheetLanguage;
  readonly exposureHeader: Readonly<Record<keyof typeof EXPOSURE_HEADERS, string>>;
  readonly stressHeader: Readonly<Record<keyof typeof STRESS_HEADERS, string>>;
  readonly claimRow: Readonly<Record<ClaimRowKey, { label: string; note: string }>>;
  /** An assumption's subject in this language (the model's English text when the table has none). */
  assumptionSubject(appliesTo: string): string;
};

function pick<T>(table: Readonly<Record<string, Translated<T>>>, language: SheetLanguage): Record<string, T> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v[language]]));
}

const CACHE = new Map<SheetLanguage, SheetLabels>();

/** The labels of a language. */
export function sheetLabels(language: SheetLanguage = "en"): SheetLabels {
  let labels = CACHE.get(language);
  if (!labels) {
    labels = {
      ...(pick(LABELS as Record<string, Translated<unknown>>, language) as { [K in keyof LabelTable]: LabelTable[K]["en"] }),
      language,
      exposureHeader: pick(EXPOSURE_HEADERS, language) as SheetLabels["exposureHeader"],
      stressHeader: pick(STRESS_HEADERS, language) as SheetLabels["stressHeader"],
      claimRow: Object.fromEntries(Object.entries(CLAIM_ROWS).map(([k, v]) => [k, { label: v.label[language], note: v.note[language] }])) as SheetLabels["claimRow"],
      assumptionSubject: (appliesTo) => ASSUMPTION_SUBJECTS[appliesTo]?.[language] ?? appliesTo,
    };
    CACHE.set(language, labels);
  }
  return labels;
}

/** Every label of every language as [language, key, text] (templates by their source): for coverage tests. */
export function allLabelTexts(): Array<[SheetLanguage, string, string]> {
  const out: Array<[SheetLanguage, string, string]> = [];
  const add = (prefix: string, table: Readonly<Record<string, Translated<unknown>>>) => {
    for (const [key, t] of Object.entries(table)) for (const lang of SHEET_LANGUAGES) out.push([lang, prefix + key, String(t[lang])]);
  };
  add("", LABELS as Record<string, Translated<unknown>>);
  add("exposureHeader.", EXPOSURE_HEADERS);
  add("stressHeader.", STRESS_HEADERS);
  add("assumptionSubject.", ASSUMPTION_SUBJECTS);
  for (const [key, row] of Object.entries(CLAIM_ROWS)) {
    add(`claimRow.${key}.label.`, { "": row.label });
    add(`claimRow.${key}.note.`, { "": row.note });
  }
  return out;
}

/** The model's assumption subjects the table has no words for (the coverage test expects none). */
export function untranslatedAssumptionSubjects(): string[] {
  return [...new Set(ASSUMPTIONS.map((a) => a.appliesTo))].filter((s) => !(s in ASSUMPTION_SUBJECTS));
}

/** Whether a cell holds the Stress sheet's assumptions header in any language (an update finds the block by it). */
export function isAssumptionsHeader(cell: unknown): boolean {
  return typeof cell === "string" && SHEET_LANGUAGES.some((l) => LABELS.assumptionsHeader[l] === cell);
}
