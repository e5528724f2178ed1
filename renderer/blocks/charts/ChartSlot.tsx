import { type JSX, type ReactNode, useRef } from 'react';
import { useNearViewport } from '../view/use-near-viewport';
import { CHART_SIZE } from './chart-style';

interface Props {
  /** The chart's caption and accessible name, shown at once. */
  caption: string;
  label: string;
  children: ReactNode;
}

/**
 * Mounts a chart when its block is near the visible area, after the entry has
 * been painted: each recharts chart measures itself and builds its own store,
 * which is costly when an entry with many blocks opens. Until then a
 * placeholder of the same size holds its place.
 */
export function ChartSlot({ caption, label, children }: Props): JSX.Element {
  const ref = useRef<HTMLElement>(null);
  const near = useNearViewport(ref);
  if (near) return <>{children}</>;
  return (
    <figure ref={ref} className="pb-chart pb-chart-pending" aria-label={label} aria-busy="true">
      <figcaption>{caption}</figcaption>
      <div style={CHART_SIZE} />
    </figure>
  );
}
