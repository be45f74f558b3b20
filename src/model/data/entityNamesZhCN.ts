/**
 * Simplified Chinese display names of the bundled entities that have a Chinese name (`nameZh`, which is
 * Traditional): what a zh-CN pane shows. Each is also among the entity's aliases, so AIFIN functions
 * resolve it (=AIFIN.CIRCULAR_EXPOSURE("微软") and ("微軟") both mean MSFT); tests/unit/model/entities
 * checks both. Names that are the same in both scripts (甲骨文, 高通) are listed too, so the table is complete.
 */
import type { EntityId } from "../types";

export const ENTITY_NAMES_ZH_CN: Readonly<Record<EntityId, string>> = Object.freeze({
  MSFT: "微软",
  AMZN: "亚马逊",
  ORCL: "甲骨文",
  NVDA: "英伟达",
  QCOM: "高通",
  MRVL: "迈威尔",
  AKAM: "阿卡迈",
  VANTAGE: "Vantage 数据中心",
  SFTBY: "软银",
  HYPERSCALERS: "超大规模云厂商",
  "BIG-TECH": "大科技公司",
});
