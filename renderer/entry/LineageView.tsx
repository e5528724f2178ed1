import { Fragment, type JSX } from 'react';
import type { Id } from '../../shared/domain/types';
import type { LineageNode } from '../../shared/templates/summaries';
import { openEntry } from '../state/entry-actions';
import { Icon } from '../ui/icons';
import { lineageSteps } from './lineage-steps';

/** The chain parental -> persister -> regrowth -> harvest, each step an entry to open. */
export function LineageView({ nodes, entryId }: { nodes: LineageNode[]; entryId: Id }): JSX.Element {
  const steps = lineageSteps(nodes);
  return (
    <section className="entry-links-section" aria-labelledby="lineage-title">
      <h2 className="entry-links-title" id="lineage-title">
        <Icon name="arrowRight" size={15} />
        Lineage
      </h2>
      <ol className="lineage" aria-label="Lineage">
        {steps.map((step, i) => (
          <Fragment key={step.map((n) => n.blockId).join()}>
            {i > 0 && (
              <li className="lineage-arrow" aria-hidden="true">
                <Icon name="arrowRight" size={16} />
              </li>
            )}
            <li className="lineage-step">
              {step.map((node) => {
                const here = node.entryId === entryId;
                return (
                  <button
                    key={node.blockId}
                    type="button"
                    className={`lineage-node${here ? ' lineage-node-current' : ''}`}
                    aria-current={here ? 'true' : undefined}
                    onClick={() => openEntry(node.entryId)}
                  >
                    <span className="lineage-template">{node.templateName}</span>
                    <span className="lineage-label">{node.label || node.entryTitle}</span>
                    <span className="lineage-entry">{node.entryTitle}</span>
                  </button>
                );
              })}
            </li>
          </Fragment>
        ))}
      </ol>
    </section>
  );
}
