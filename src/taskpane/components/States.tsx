import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  center: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalXXL },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

/** Shown while the bundled model loads. */
export function LoadingState() {
  const s = useStrings();
  const styles = useStyles();
  return (
    <div className={styles.center}>
      <Spinner label={s.loading} labelPosition="below" />
    </div>
  );
}

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  title: string;
  message: string;
  onRetry?: () => void;
}

/** An error that says what happened and what to do, with an optional retry. */
export function ErrorState({ title, message, onRetry }: ErrorStateProps) {
  const s = useStrings();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <div>{message}</div>
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>{s.retry}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  entityName: string;
  asOf: string;
  canJumpLatest: boolean;
  canIncludeRumoured: boolean;
  onJumpLatest(): void;
  onIncludeRumoured(): void;
}

/** No facts about the entity at the chosen date and basis: says so and offers the two ways out. */
export function EmptyState(props: EmptyStateProps) {
  const s = useStrings();
  const styles = useStyles();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{s.emptyTitle(props.entityName, props.asOf)}</MessageBarTitle>
        <div>{s.emptyBody}</div>
        <div className={styles.actions}>
          {props.canJumpLatest && <Button size="small" onClick={props.onJumpLatest}>{s.emptyJumpLatest}</Button>}
          {props.canIncludeRumoured && <Button size="small" onClick={props.onIncludeRumoured}>{s.emptyIncludeRumoured}</Button>}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

interface BoundaryProps {
  children: ReactNode;
  /** Title shown when the subtree throws. */
  title: string;
  /** The message shown, given the error's own message. */
  describe(message: string): string;
}

/**
 * Keeps one failing view from blanking the whole pane: shows the error and what to try instead.
 * Keyed by the caller on the selection so a new choice retries.
 */
export class ViewBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <ErrorState
          title={this.props.title}
          message={this.props.describe(this.state.error.message)}
          onRetry={() => this.setState({ error: null })}
        />
      );
    }
    return this.props.children;
  }
}
