import { Component, type ReactNode } from 'react';

interface Props {
  /** What failed, in the scientist's words, e.g. "This entry could not be displayed". */
  what: string;
  children: ReactNode;
}

/** Keeps one broken part (say, an entry the editor cannot read) from blanking the whole app. */
export class ErrorBoundary extends Component<Props, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    if (this.state.message === null) return this.props.children;
    return (
      <div className="panel-message" role="alert">
        <p className="panel-message-title">{this.props.what}.</p>
        <p className="panel-message-detail">{this.state.message}</p>
      </div>
    );
  }
}
