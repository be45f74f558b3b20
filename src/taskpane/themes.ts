/**
 * The dark and high-contrast Fluent themes: their own chunk, loaded before the pane first renders in either
 * (environment.ts, loadTheme), so the light theme's users do not download them at start-up (issue 13).
 */
export { teamsHighContrastTheme, webDarkTheme } from "@fluentui/react-components";
