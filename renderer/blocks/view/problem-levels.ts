import type { NodeKey } from 'lexical';
import { createContext, useContext, useEffect } from 'react';
import type { EntrySummary } from '../../../shared/domain/types';

export type ProblemLevel = EntrySummary['problemLevel'];

/** Collects each block's worst problem so the entry list can mark the entry as soon as it changes. */
export interface ProblemLevelSink {
  report: (nodeKey: NodeKey, level: ProblemLevel | null) => void;
}

export const ProblemLevelContext = createContext<ProblemLevelSink | null>(null);

const RANK: Record<ProblemLevel, number> = { none: 0, warning: 1, block: 2 };

/** A sink that calls onChange with the entry's worst level whenever that changes. */
export function createProblemLevelSink(onChange: (level: ProblemLevel) => void): ProblemLevelSink {
  const levels = new Map<NodeKey, ProblemLevel>();
  let last: ProblemLevel | null = null;
  return {
    report(nodeKey, level) {
      if (level === null) levels.delete(nodeKey);
      else levels.set(nodeKey, level);
      let worst: ProblemLevel = 'none';
      for (const l of levels.values()) if (RANK[l] > RANK[worst]) worst = l;
      if (worst !== last) {
        last = worst;
        onChange(worst);
      }
    },
  };
}

/** Reports this block's level while it is in the document. */
export function useReportProblemLevel(nodeKey: NodeKey, level: ProblemLevel): void {
  const sink = useContext(ProblemLevelContext);
  useEffect(() => {
    sink?.report(nodeKey, level);
  }, [sink, nodeKey, level]);
  useEffect(() => () => sink?.report(nodeKey, null), [sink, nodeKey]);
}
