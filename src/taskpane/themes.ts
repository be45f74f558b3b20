/**
 * The dark Fluent theme: its own chunk, loaded before the pane first renders in it (environment.ts, loadTheme),
 * so light-theme users do not download it at start-up, nor dark-theme users the high-contrast one (issue 13).
 */
export { webDarkTheme } from "@fluentui/react-components";
