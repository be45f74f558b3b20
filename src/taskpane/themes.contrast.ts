/**
 * The high-contrast Fluent theme: its own chunk, loaded before the pane first renders in it (environment.ts,
 * loadTheme), so neither light- nor dark-theme users download it at start-up (issue 13).
 */
export { teamsHighContrastTheme } from "@fluentui/react-components";
