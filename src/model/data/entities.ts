/**
 * The entities of the bundled model. Ids: the ticker where the firm is listed, an upper-case slug
 * where it is private, project vehicles and groups as hyphenated slugs. `nameZh` is the Traditional
 * Chinese name: the source article's (華爾街見聞, 2026-02-05) where it names the entity, else the name in
 * common Taiwanese use for firms added later (高通, 邁威爾); other Chinese and simplified spellings are
 * aliases so look-ups in either script work.
 */
import type { Entity, EntityId, Role } from "../types";

function e(
  id: EntityId,
  name: string,
  nameZh: string | null,
  roles: readonly Role[],
  listed: boolean,
  aliases: readonly string[] = [],
  members: readonly EntityId[] = [],
): Entity {
  return { id, name, nameZh, aliases, roles, listed, members };
}

/** Every entity a bundled fact names in its from/to or description, plus the members of the groups. */
export const ENTITIES: readonly Entity[] = [
  // Hyperscalers and clouds
  e("MSFT", "Microsoft", "微軟", ["hyperscaler", "investor"], true, ["Microsoft", "Microsoft Corp", "Azure", "微软"]),
  e("AMZN", "Amazon", "亞馬遜", ["hyperscaler", "investor"], true, ["Amazon", "Amazon.com", "AWS", "Amazon Web Services", "亚马逊"]),
  e("GOOGL", "Alphabet (Google)", null, ["hyperscaler", "investor"], true, ["Alphabet", "Google", "GOOG", "Google Cloud", "谷歌"]),
  e("META", "Meta Platforms", null, ["hyperscaler"], true, ["Meta", "Facebook", "Meta Platforms"]),
  e("ORCL", "Oracle", "甲骨文", ["hyperscaler"], true, ["Oracle", "Oracle Corp", "OCI"]),
  // Chips
  e("NVDA", "Nvidia", "英偉達", ["chip_maker", "investor"], true, ["Nvidia", "NVIDIA Corp", "英伟达", "輝達", "辉达"]),
  e("AMD", "Advanced Micro Devices", null, ["chip_maker"], true, ["Advanced Micro Devices", "超微"]),
  e("AVGO", "Broadcom", null, ["chip_maker"], true, ["Broadcom", "博通"]),
  e("INTC", "Intel", null, ["chip_maker"], true, ["Intel", "英特爾", "英特尔"]),
  e("CEREBRAS", "Cerebras Systems", null, ["chip_maker"], false, ["Cerebras"]),
  e("QCOM", "Qualcomm", "高通", ["chip_maker"], true, ["Qualcomm", "Qualcomm Inc"]),
  e("MRVL", "Marvell Technology", "邁威爾", ["chip_maker"], true, ["Marvell", "Marvell Technology", "迈威尔"]),
  // AI labs
  e("OPENAI", "OpenAI Group PBC", null, ["ai_lab"], false, ["OpenAI", "Open AI", "ChatGPT"]),
  e("OPENAI-FOUNDATION", "OpenAI Foundation", null, ["investor"], false, ["OPENAI_FOUNDATION", "OpenAI Foundation", "OpenAI nonprofit"]),
  e("ANTHROPIC", "Anthropic", null, ["ai_lab"], false, ["Anthropic", "Claude"]),
  e("XAI", "xAI", null, ["ai_lab"], false, ["xAI", "x.AI", "Grok"]),
  e("SPACEX", "SpaceX", null, ["other"], true, ["SpaceX", "SPCX", "Space Exploration Technologies"]),
  e("ANYSPHERE", "Anysphere (Cursor)", null, ["other"], false, ["Anysphere", "Cursor"]),
  // Neoclouds
  e("CRWV", "CoreWeave", null, ["neocloud"], true, ["CoreWeave"]),
  e("NBIS", "Nebius Group", null, ["neocloud"], true, ["Nebius"]),
  e("IREN", "IREN", null, ["neocloud"], true, ["Iris Energy"]),
  e("NSCALE", "Nscale", null, ["neocloud"], false, ["Nscale"]),
  e("LAMBDA", "Lambda", null, ["neocloud"], false, ["Lambda Labs"]),
  e("FLUIDSTACK", "Fluidstack", null, ["neocloud"], false, ["Fluidstack"]),
  e("VOLTA", "Volta", null, ["neocloud"], false, ["Volta (Norway)"]),
  e("AKAM", "Akamai Technologies", "阿卡邁", ["neocloud"], true, ["Akamai", "Akamai Technologies", "阿卡迈"]),
  e("WULF", "TeraWulf", null, ["dc_developer"], true, ["TeraWulf", "Terawulf"]),
  e("RIOT", "Riot Platforms", null, ["dc_developer"], true, ["Riot Platforms", "RIOT PLATFORMS", "Riot"]),
  // Data-centre developers and investors
  e("VANTAGE", "Vantage Data Centers", "Vantage 數據中心", ["dc_developer"], false, ["Vantage", "Vantage Data Centers", "Vantage 数据中心"]),
  e("CRUSOE", "Crusoe", null, ["dc_developer"], false, ["Crusoe Energy"]),
  e("ALIGNED", "Aligned Data Centers", null, ["dc_developer"], false, ["Aligned"]),
  e("PDI", "Primary Digital Infrastructure", null, ["investor"], false, ["Primary Digital"]),
  e("OWL", "Blue Owl Capital", null, ["investor", "lender"], true, ["BLUEOWL", "Blue Owl"]),
  e("BLK", "BlackRock (incl. GIP)", null, ["investor"], true, ["BlackRock", "GIP", "Global Infrastructure Partners"]),
  e("MGX", "MGX", null, ["investor"], false, ["MGX Fund"]),
  e("SFTBY", "SoftBank Group", "軟銀", ["investor"], true, ["SoftBank", "SoftBank Group", "9984.T", "9984", "SFTBF", "软银", "Vision Fund"]),
  e("DBRG", "DigitalBridge", null, ["investor"], true, ["DIGITALBRIDGE", "DigitalBridge"]),
  e("SB-ENERGY", "SB Energy", null, ["dc_developer"], false, ["SB Energy", "SB ENERGY (Milam Co. TX)"]),
  // Banks and other lenders
  e("JPM", "JPMorgan Chase", null, ["lender"], true, ["JPMorgan", "J.P. Morgan", "JP Morgan"]),
  e("MUFG", "Mitsubishi UFJ Financial Group", null, ["lender"], true, ["8306.T", "Mitsubishi UFJ"]),
  e("SMFG", "Sumitomo Mitsui Financial Group (SMBC)", null, ["lender"], true, ["SMBC", "8316.T", "Sumitomo Mitsui"]),
  e("MFG", "Mizuho Financial Group", null, ["lender"], true, ["MIZUHO", "Mizuho", "8411.T"]),
  e("GS", "Goldman Sachs", null, ["lender"], true, ["Goldman", "Goldman Sachs"]),
  e("MS", "Morgan Stanley", null, ["lender"], true, ["Morgan Stanley"]),
  e("WFC", "Wells Fargo", null, ["lender"], true, ["Wells Fargo"]),
  e("BNP", "BNP Paribas", null, ["lender"], true, ["BNP.PA", "BNP Paribas"]),
  e("GLE", "Société Générale", null, ["lender"], true, ["GLE.PA", "SG", "Societe Generale"]),
  e("PIMCO", "PIMCO", null, ["lender", "investor"], false, ["Pacific Investment Management"]),
  // Project vehicles
  e("STARGATE", "Stargate LLC", null, ["project_vehicle"], false, ["Stargate", "Stargate Project"]),
  e("ABILENE-JV", "Abilene Stargate campus JV (Crusoe / Blue Owl / PDI)", null, ["project_vehicle"], false, ["Abilene"]),
  e("META-HYPERION-JV", "Hyperion data-centre JV (Meta / Blue Owl)", null, ["project_vehicle"], false, ["Hyperion"]),
  e("ORCL-NM-DC", "Oracle-leased data centre, New Mexico", null, ["project_vehicle"], false, ["ORCL-linked DC (New Mexico)"]),
  e("ORCL-MI-DC", "Oracle-leased data centre, Michigan (Related Digital)", null, ["project_vehicle"], false, [
    "ORCL-linked DC (Michigan; Related Digital)",
    "Related Digital",
  ]),
  e("META-ELPASO-DC", "Meta El Paso data centre", null, ["project_vehicle"], false, ["META (El Paso DC)"]),
  // Groups and unnamed counterparties: facts on them are aggregates, never summed with members'.
  e("HYPERSCALERS4", "Big-4 hyperscalers (Alphabet, Microsoft, Amazon, Meta)", null, ["aggregate"], false, ["Big 4 hyperscalers"], [
    "MSFT",
    "GOOGL",
    "AMZN",
    "META",
  ]),
  e("HYPERSCALERS", "Hyperscalers OpenAI buys from (unspecified)", "超大規模雲廠商", ["aggregate"], false, ["Hyperscalers", "超大规模云厂商"]),
  e("BIG-TECH", "Big tech (unspecified)", "大科技公司", ["aggregate"], false, ["Big Tech", "科技巨頭", "科技巨头"]),
  e("NEOCLOUDS", "Microsoft's neocloud suppliers other than Nebius", null, ["aggregate", "neocloud"], false, ["Neoclouds"], ["CRWV", "NSCALE", "LAMBDA"]),
  e("OPENAI-BACKERS", "OpenAI's strategic investors (Microsoft, Nvidia, Amazon, SoftBank)", null, ["aggregate", "investor"], false, [
    "MSFT/NVDA/AMZN/SFTBY",
  ], ["MSFT", "NVDA", "AMZN", "SFTBY"]),
  e("OPENAI-PARTNERS", "Oracle, SoftBank and CoreWeave (FT aggregate)", null, ["aggregate"], false, ["ORCL/SFTBY/CRWV"], [
    "ORCL",
    "SFTBY",
    "CRWV",
  ]),
  e("OPENAI-DC-BORROWERS", "Blue Owl, Crusoe and others (FT aggregate)", null, ["aggregate"], false, ["BLUEOWL/CRUSOE"], ["OWL", "CRUSOE"]),
  e("OPENAI-ROUND-2026", "OpenAI 2026 funding round investors", null, ["aggregate", "investor"], false, ["OpenAI 2026 round"], [
    "SFTBY",
    "NVDA",
    "AMZN",
    "MSFT",
    "MGX",
    "RETAIL-INVESTORS",
  ]),
  e("ABILENE-SPONSORS", "Abilene JV sponsors (Crusoe, Blue Owl, PDI)", null, ["aggregate", "investor"], false, ["CRUSOE/BLUEOWL/PDI"], [
    "CRUSOE",
    "OWL",
    "PDI",
  ]),
  e("AIP", "AI Infrastructure Partnership (BlackRock/GIP, MGX, Microsoft, Nvidia, xAI)", null, ["aggregate", "investor"], false, [
    "AI Infrastructure Partnership",
    "AIP(BLK,GIP,MGX,MSFT,NVDA,XAI)",
  ], ["BLK", "MGX", "MSFT", "NVDA", "XAI"]),
  e("ORCL-DC-PROJECTS", "Oracle-leased data-centre projects (Vantage TX/WI + New Mexico)", null, ["aggregate", "project_vehicle"], false, [
    "ORCL-linked DC projects",
  ], ["VANTAGE", "ORCL-NM-DC"]),
  e("VANTAGE-LENDERS", "Vantage TX/WI bank syndicate (JPMorgan, MUFG and others)", null, ["aggregate", "lender"], false, [
    "BANKS(JPM,MUFG)",
    "BANKS(JPM,MUFG,WFC,BNP,GS,SMBC,SG)",
    "BANKS(JPM,MUFG,MS,SMBC)",
  ], ["JPM", "MUFG", "WFC", "BNP", "GS", "SMFG", "GLE", "MS"]),
  e("NM-DC-LENDERS", "New Mexico data-centre bank group", null, ["aggregate", "lender"], false, ["BANKS(SMBC,MUFG,BNP,GS)"], [
    "SMFG",
    "MUFG",
    "BNP",
    "GS",
  ]),
  // No members listed: JPMorgan led it, but its own phase-1 loan (C100) is separate money, and listing JPM
  // would make the phase-2 consortium's 7.1 (C099) look like it includes that loan (validation: group-overlap).
  e("ABILENE-LENDERS", "JPMorgan-led Abilene consortium", null, ["aggregate", "lender"], false, ["JPM-consortium"]),
  e("SFTBY-BRIDGE-LENDERS", "SoftBank 2026 bridge-loan banks", null, ["aggregate", "lender"], false, ["BANKS(JPM,GS,MIZUHO,SMBC,MUFG)"], [
    "JPM",
    "GS",
    "MFG",
    "SMFG",
    "MUFG",
  ]),
  e("CRWV-DDTL4-LENDERS", "CoreWeave DDTL 4.0 lenders", null, ["aggregate", "lender"], false, ["LENDERS(MS,MUFG,GS,JPM)"], [
    "MS",
    "MUFG",
    "GS",
    "JPM",
  ]),
  e("SFTBY-MARGIN-LENDERS", "SoftBank margin-loan banks (Goldman Sachs, JPMorgan, Mizuho)", null, ["aggregate", "lender"], false, [
    "LENDERS(GS,JPM,MIZUHO)",
  ], ["GS", "JPM", "MFG"]),
  e("CRWV-DDTL55-LENDERS", "CoreWeave DDTL 5.5 lenders (not named)", null, ["aggregate", "lender"], false, ["CoreWeave DDTL 5.5 lenders"]),
  e("CRWV-DDTL5-LENDERS", "CoreWeave DDTL 5.0 lenders", null, ["aggregate", "lender"], false, ["LENDERS(MS,MUFG)"], ["MS", "MUFG"]),
  e("ELPASO-LENDERS", "Meta El Paso financing banks", null, ["aggregate", "lender"], false, ["BANKS(MS,JPM)"], ["MS", "JPM"]),
  e("BANKS", "Banks (unnamed)", null, ["aggregate", "lender"], false, ["Banks"]),
  e("LENDERS", "Lenders (unnamed)", null, ["aggregate", "lender"], false, ["Lenders"]),
  e("BONDHOLDERS", "Bond investors", null, ["aggregate", "lender"], false, ["Bondholders", "PIMCO/BONDHOLDERS", "BONDHOLDERS(PIMCO ~10 anchor)"]),
  e("EQUITY-INVESTORS", "Equity investors (public offering)", null, ["aggregate", "investor"], false, ["Equity investors"]),
  e("IPO-INVESTORS", "IPO investors", null, ["aggregate", "investor"], false, ["IPO investors"]),
  e("RETAIL-INVESTORS", "Retail and wealthy individuals (via banks)", null, ["aggregate", "investor"], false, ["RETAIL(via banks)", "Retail investors"]),
  e("MULTIPLE", "Various counterparties", null, ["aggregate"], false, ["Multiple"]),
];
