import { Button, Popover, PopoverSurface, PopoverTrigger, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Info16Regular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import { useViewStrings } from "../viewStrings";
import { FactItem } from "./FactItem";
import type { SummaryCard } from "./OverviewView";

const useStyles = makeStyles({
  surface: { maxWidth: "min(310px, calc(100vw - 24px))", overflowY: "auto", boxSizing: "border-box" },
  def: { display: "block", marginBottom: tokens.spacingVerticalS },
});

const MAX_FACTS_IN_POPOVER = 8;

/** Props of {@link CardInfo}. */
export interface CardInfoProps {
  card: SummaryCard;
  /** Open at once (the stand-in button was clicked before this chunk loaded). */
  open?: boolean;
  /** Take the focus on mount (the stand-in button had it). */
  focus?: boolean;
}

/**
 * A card's info button and its popover: the figure's definition and the facts behind it. Its own chunk (the
 * popover and its positioning layer), loaded when an info button is first hovered, focused or clicked
 * (OverviewView's InfoButton stands in until then).
 */
export function CardInfo({ card, open, focus }: CardInfoProps) {
  const s = useViewStrings();
  const styles = useStyles();
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Mount-only hand-over from the stand-in: the focus first (so the popover returns it to this trigger when
    // it closes), then the click that was meant to open it.
    if (focus || open) trigger.current?.focus();
    if (open) trigger.current?.click();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const shown = card.facts.slice(0, MAX_FACTS_IN_POPOVER);
  return (
    <Popover withArrow trapFocus positioning={{ position: "below", align: "end", autoSize: "height", overflowBoundaryPadding: 8 }}>
      <PopoverTrigger disableButtonEnhancement>
        <Button ref={trigger} appearance="subtle" size="small" icon={<Info16Regular />} aria-label={s.aboutFigure(card.label)} />
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label={s.aboutFigure(card.label)}>
        <Text weight="semibold">{s.definition}</Text>
        <Text className={styles.def} size={200}>{s[card.definition]}</Text>
        <Text weight="semibold">{s.factsBehind}</Text>
        {card.facts.length === 0 ? (
          <Text as="p" size={200}>{s.noFactsBehind}</Text>
        ) : (
          shown.map((f) => <FactItem key={f.id} fact={f} />)
        )}
        {card.facts.length > shown.length && <Text size={200}>{s.moreInSources(card.facts.length - shown.length)}</Text>}
      </PopoverSurface>
    </Popover>
  );
}
