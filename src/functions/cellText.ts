/**
 * Text as Excel can show it: a cell holds at most 32,767 characters, and a message that echoes an argument
 * quotes only its beginning. Every text a function returns or an error message carries passes through here.
 */
import type { Fact } from "../model";

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;
/** The longest piece of an analyst's argument quoted back in a message. */
export const MAX_QUOTED = 60;
/** The arrow between the steps of a cycle's path. */
export const PATH_ARROW = " → ";

/** `text` cut to `max` characters, ending in "…" when cut (never splits a surrogate pair). */
export function clip(text: string, max: number = MAX_CELL_TEXT): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Joins parts, cut at Excel's cell limit with a count of what was left out. */
export function joinWithin(parts: readonly string[], separator: string, max: number = MAX_CELL_TEXT): string {
  let total = 0;
  for (const p of parts) total += p.length + separator.length;
  if (total - separator.length <= max) return parts.join(separator);
  let text = "";
  for (let i = 0; i < parts.length; i++) {
    const tail = ` … (${parts.length - i} more)`;
    const next = text ? `${text}${separator}${parts[i]}` : parts[i];
    if (next.length + tail.length > max) return text === "" ? clip(parts[i], max - tail.length) + tail : text + tail;
    text = next;
  }
  return text;
}

/** Joins citations, cut at Excel's cell limit with a count of what was left out. */
export function joinCitations(lines: readonly string[]): string {
  return joinWithin(lines, "; ");
}

/** "title, publisher, date, url": how a source is cited in one line. */
export function citeSource(fact: Fact): string {
  const s = fact.source;
  return [s.title, s.publisher, s.date, s.url].filter((part) => part !== null && part !== "").join(", ");
}
