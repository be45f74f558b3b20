import { makeStyles, tokens } from "@fluentui/react-components";
import { LANGUAGE_NAMES, PANE_LANGUAGES, useLanguageChoice, useStrings, type PaneLanguage } from "../i18n";

const useStyles = makeStyles({
  // A plain select on the brand header: compact, readable on the brand colour, keyboard-native.
  select: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: "transparent",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralForegroundOnBrand}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralForegroundOnBrand}`, outlineOffset: "2px" },
  },
  option: { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1 },
});

const AUTO = "auto";

/**
 * The pane's language: follow Office's display language (the default) or pick English, Traditional or
 * Simplified Chinese; the pick is remembered. Renders nothing where no LanguageProvider offers a choice.
 */
export function LanguagePicker() {
  const s = useStrings();
  const styles = useStyles();
  const choice = useLanguageChoice();
  if (!choice) return null;
  return (
    <select
      className={styles.select}
      aria-label={s.languageLabel}
      title={`${s.languageLabel}: ${s.languageAuto} = Office`}
      value={choice.chosen ?? AUTO}
      onChange={(e) => choice.choose(e.target.value === AUTO ? null : (e.target.value as PaneLanguage))}
    >
      <option className={styles.option} value={AUTO}>
        {s.languageAuto}
      </option>
      {PANE_LANGUAGES.map((l) => (
        <option className={styles.option} key={l} value={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
