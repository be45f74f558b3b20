/**
 * Ribbon and shortcut commands, run in the shared runtime (the same page as the pane and the functions).
 *
 * The Home-tab "AIFIN" button is a ShowTaskpane action, which Office performs without any code. Function
 * commands (an ExecuteFunction button or a keyboard shortcut added later) land here: Office finds them by
 * the action id given to `Office.actions.associate`, so every id in the manifest must be registered.
 */

/** Signature Office calls a function command with; the event is absent for keyboard shortcuts. */
export type CommandHandler = (event?: Office.AddinCommands.Event) => Promise<void>;

/**
 * Opens the AIFIN task pane. In a shared runtime this shows the page that is already running, so the
 * model stays loaded. `event.completed()` runs even when Office refuses, else the ribbon button spins.
 */
export async function showPane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event?.completed();
  }
}

/** Action ids, as a manifest's ExecuteFunction control or a shortcuts file names them, and their handlers. */
export const COMMANDS: Readonly<Record<string, CommandHandler>> = {
  ShowAifinPane: showPane,
};

/**
 * Associates every command with Office and returns the ids registered. Returns [] where the host has no
 * `Office.actions` (SharedRuntime 1.1 is missing, or the page runs outside Office in a browser preview).
 */
export function registerCommands(actions: Pick<Office.Actions, "associate"> | undefined = officeActions()): string[] {
  if (!actions) return [];
  for (const [id, handler] of Object.entries(COMMANDS)) actions.associate(id, handler);
  return Object.keys(COMMANDS);
}

function officeActions(): Office.Actions | undefined {
  return typeof Office !== "undefined" ? Office.actions : undefined;
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    registerCommands();
  });
}
