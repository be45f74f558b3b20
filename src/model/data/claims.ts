/**
 * The source article's claims (../shared/seed/digest.md), so the data, docs and pane can point at them.
 * `opinion` explains why a claim is a view rather than a checkable figure; such claims still cite the
 * fact that records who said it.
 */
import type { ClaimId } from "../types";

/** One claim of the article. */
export interface Claim {
  id: ClaimId;
  text: string;
  /** Why this is an opinion or forecast that no fact can prove; null for factual claims. */
  opinion: string | null;
}

/** S1..S15 in article order. */
export const CLAIMS: readonly Claim[] = [
  { id: "S1", text: "OpenAI is raising up to USD 100 bn at a USD 730 bn valuation.", opinion: null },
  { id: "S2", text: "Nvidia may invest 30 bn, Amazon 20 bn, SoftBank 30 bn, Microsoft 10 bn.", opinion: null },
  {
    id: "S3",
    text: "OpenAI did not borrow itself: Oracle, CoreWeave and Vantage borrowed on their own balance sheets to build data centres that OpenAI pays for through contracts.",
    opinion: null,
  },
  {
    id: "S4",
    text: "Lenders limit what they lend to firms relying on OpenAI; bond investors pushed up Oracle's funding costs and treat its bonds almost like junk.",
    opinion: null,
  },
  { id: "S5", text: "Oracle announced it would sell stock to raise money (equity dilution).", opinion: null },
  {
    id: "S6",
    text: "Banks are near their limits on Oracle data-centre loans and are securitising tens of billions of them for insurers and private-credit funds.",
    opinion: null,
  },
  {
    id: "S7",
    text: "If the partners can no longer borrow, OpenAI's build stops; then OpenAI needs neither Nvidia's chips nor Microsoft's cloud.",
    opinion:
      "A conditional forecast. The data can show only its premise and early signs (partner debt C051; the Abilene expansion dropped after financing talks failed, D017).",
  },
  { id: "S8", text: "Microsoft holds about 27% of the OpenAI PBC; OpenAI agreed to buy about 250 bn of Azure.", opinion: null },
  { id: "S9", text: "Amazon's money locks in a 38 bn cloud contract.", opinion: null },
  {
    id: "S10",
    text: "Nvidia's money lets OpenAI come back and buy Nvidia GPUs.",
    opinion: null,
  },
  {
    id: "S11",
    text: "Cash from the giants reassures the supply chain's creditors and buys time until OpenAI's revenue can fund itself.",
    opinion: "An interpretation of motive. The data carry its measurable side: OpenAI's revenue against its cash burn (C093-C095).",
  },
  {
    id: "S12",
    text: "Money invested in OpenAI is not counted as the investor's capex and is not raised as new debt.",
    opinion: null,
  },
  {
    id: "S13",
    text: "If OpenAI fell, big-tech market values could shrink 50%-80% (Mark Montgomery).",
    opinion: "An analyst's scenario, not a measurement: recorded as the quoted claim (C133), unverified.",
  },
  {
    id: "S14",
    text: "If OpenAI cuts its committed spend, the hyperscalers lose 1 trillion of market value (Panos Papadopoulos).",
    opinion: "A commentator's estimate: recorded as the quote (C134), unverified; the stress measure recomputes it from the data.",
  },
  {
    id: "S15",
    text: "SpaceX made about 8 bn EBITDA in 2025 while xAI burned about 9.5 bn in the first nine months.",
    opinion: null,
  },
];

/**
 * The article's figures that the stress test is set against, declared once: the pane, the Stress and Claims
 * sheets, the tests and docs/methodology.md §7 read them here. Each applies only where the article's
 * scenario does: OpenAI shocked, losses of the companies with the listed role.
 */
export const CLAIM_FIGURES = {
  /** S14: the hyperscalers lose USD 1 trillion of market value if OpenAI cuts its committed spend. */
  S14: { usdBn: 1000, shocked: "OPENAI", role: "hyperscaler" },
  /** S13: big-tech market values could shrink 50–80 % if OpenAI fell (a full cut). */
  S13: { low: 0.5, high: 0.8, shocked: "OPENAI", role: "hyperscaler" },
} as const;
