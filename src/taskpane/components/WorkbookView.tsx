import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowSync20Regular, DocumentTable20Regular, TableAdd20Regular } from "@fluentui/react-icons";
import { useMemo, useState, type ReactElement } from "react";
import type { BuildOptions, Capabilities, HostError, WorkbookHost } from "../lowerLayers";
import { SHEET_LANGUAGE_OF, useLanguageChoice } from "../i18n";
import { useViewStrings } from "../viewStrings";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  action: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  button: { alignSelf: "flex-start" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  choice: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, marginTop: tokens.spacingVerticalS },
  actions: { flexWrap: "wrap" },
});

type Busy = null | "build" | "refresh" | "freeze";
type Message = { intent: "success" | "error"; text: string };

/** Props of {@link WorkbookView}. */
export interface WorkbookViewProps {
  host: WorkbookHost;
  /** The pane's current selection, passed to the build. */
  selection: Omit<BuildOptions, "onClash">;
  /** Human description of the selection ("For Microsoft, as of …"). */
  selectionText: string;
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** An office-layer error in the pane's language: the reason, what was changed, and Excel's own code. */
export function hostErrorText(s: Strings, e: HostError): string {
  const reason = s.wbErrors[e.code](e, s.wbAction[e.operation]);
  const changed =
    e.changed.kind === "nothing"
      ? s.wbChangedNothing
      : e.changed.unfinished?.length
        ? s.wbChangedUnfinished(e.changed.sheets, e.changed.unfinished)
        : s.wbChangedPartial(e.changed.sheets);
  return [reason, changed, e.officeCode ? s.wbOfficeCode(e.officeCode) : ""].filter(Boolean).join(" ");
}

/**
 * Build, refresh and freeze the AIFIN workbook through the host. A name clash opens a dialog with an
 * explicit choice (update AIFIN's sheets or create alongside); nothing is overwritten silently. Features
 * the current Excel lacks are named in plain words and their buttons disabled.
 */
export function WorkbookView({ host, selection, selectionText }: WorkbookViewProps) {
  const s = useViewStrings();
  const styles = useStyles();
  const caps: Capabilities = useMemo(() => host.capabilities(), [host]);
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [clashes, setClashes] = useState<string[] | null>(null);
  const [foreign, setForeign] = useState<string[]>([]);
  const inExcel = caps.excelApi !== null;
  const canBuild = inExcel && caps.tables;

  const sheetLanguage = SHEET_LANGUAGE_OF[useLanguageChoice()?.language ?? "en-US"];
  const build = async (onClash: BuildOptions["onClash"]) => {
    setClashes(null);
    setBusy("build");
    setMessage(null);
    try {
      // The sheets' words follow the pane's language; formulas and sheet names are the same in every language.
      const out = await host.build({ ...selection, onClash, language: sheetLanguage });
      if (out.kind === "built") setMessage({ intent: "success", text: s.wbBuilt(out.sheets, out.facts) });
      else if (out.kind === "clash") {
        setClashes(out.clashes);
        setForeign(out.foreign ?? []);
      }
      else setMessage({ intent: "error", text: hostErrorText(s, out.error) });
    } catch (e) {
      setMessage({ intent: "error", text: s.wbError(describeError(e)) });
    } finally {
      setBusy(null);
    }
  };
  const refresh = async () => {
    setBusy("refresh");
    setMessage(null);
    try {
      const out = await host.refresh();
      if (out.kind === "refreshed") setMessage({ intent: "success", text: s.wbRefreshedCounts(out.facts) });
      else setMessage({ intent: "error", text: hostErrorText(s, out.error) });
    } catch (e) {
      setMessage({ intent: "error", text: s.wbError(describeError(e)) });
    } finally {
      setBusy(null);
    }
  };
  const freeze = async () => {
    setBusy("freeze");
    setMessage(null);
    try {
      const out = await host.freeze();
      if (out.kind === "frozen") setMessage({ intent: "success", text: s.wbFrozen(out.sheet) });
      else setMessage({ intent: "error", text: hostErrorText(s, out.error) });
    } catch (e) {
      setMessage({ intent: "error", text: s.wbError(describeError(e)) });
    } finally {
      setBusy(null);
    }
  };

  const icon = (op: Busy, fallback: ReactElement) => (busy === op ? <Spinner size="extra-tiny" /> : fallback);

  return (
    <div className={styles.root}>
      <Text size={200}>{selectionText}</Text>
      {!inExcel ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.wbPreviewTitle}</MessageBarTitle>
            {caps.missing.length > 0 ? caps.missing.map((gap) => s.capabilityGap[gap]).join(" ") : s.wbNotInExcel}
          </MessageBarBody>
        </MessageBar>
      ) : (
        caps.missing.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.wbMissingTitle}</MessageBarTitle>
              <ul className={styles.list}>
                {caps.missing.map((gap) => (
                  <li key={gap}>{s.capabilityGap[gap]}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )
      )}
      <div className={styles.action}>
        <Button className={styles.button} appearance="primary" icon={icon("build", <TableAdd20Regular />)} disabled={!canBuild || busy !== null} onClick={() => build("ask")}>
          {busy === "build" ? s.wbWorking : s.wbBuild}
        </Button>
        <Text className={styles.hint}>{s.wbBuildHint}</Text>
      </div>
      <div className={styles.action}>
        <Button className={styles.button} icon={icon("refresh", <ArrowSync20Regular />)} disabled={!canBuild || busy !== null} onClick={refresh}>
          {busy === "refresh" ? s.wbWorking : s.wbRefresh}
        </Button>
        <Text className={styles.hint}>{s.wbRefreshHint}</Text>
      </div>
      <div className={styles.action}>
        <Button className={styles.button} icon={icon("freeze", <DocumentTable20Regular />)} disabled={!inExcel || busy !== null} onClick={freeze}>
          {busy === "freeze" ? s.wbWorking : s.wbFreeze}
        </Button>
        <Text className={styles.hint}>{s.wbFreezeHint}</Text>
      </div>
      {message && (
        <MessageBar intent={message.intent} layout="multiline" role={message.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>
            {message.intent === "error" && <MessageBarTitle>{s.wbErrorTitle}</MessageBarTitle>}
            {message.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={clashes !== null} onOpenChange={(_, d) => !d.open && setClashes(null)} modalType="alert">
        <DialogSurface aria-describedby="aifin-clash-body">
          <DialogBody>
            <DialogTitle>{s.clashTitle}</DialogTitle>
            <DialogContent id="aifin-clash-body">
              <Text as="p">{s.clashBody(clashes ?? [])}</Text>
              {foreign.length > 0 && <Text as="p" size={200}>{s.clashForeign(foreign)}</Text>}
              <div className={styles.choice}>
                <Text weight="semibold">{s.clashUpdate}</Text>
                <Text size={200}>{s.clashUpdateHint}</Text>
              </div>
              <div className={styles.choice}>
                <Text weight="semibold">{s.clashAlongside}</Text>
                <Text size={200}>{s.clashAlongsideHint}</Text>
              </div>
            </DialogContent>
            <DialogActions className={styles.actions}>
              <Button appearance="primary" onClick={() => build("update")}>{s.clashUpdate}</Button>
              <Button onClick={() => build("alongside")}>{s.clashAlongside}</Button>
              <Button appearance="subtle" onClick={() => setClashes(null)}>{s.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
