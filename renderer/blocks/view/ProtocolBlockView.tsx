import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import type { NodeKey } from 'lexical';
import { type JSX, memo, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { BlockValues } from '../../../shared/templates/block';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { useTemplate } from '../templates/use-template';
import { BlockContext, type BlockContextValue } from './block-context';
import { ReadyBlock } from './ReadyBlock';
import { UnavailableBlock } from './UnavailableBlock';
import { useBlockBodyShown } from './use-block-body-shown';
import { useIsolatedEvents } from './use-isolated-events';

export interface ProtocolBlockViewProps {
  nodeKey: NodeKey;
  blockId: string;
  templateId: string;
  templateVersion: number;
  values: BlockValues;
  collapsed: boolean;
}

/**
 * What a protocol block node decorates itself with. Memoised on its props:
 * typing elsewhere in the entry, or in another block, does not render it.
 */
export const ProtocolBlockView = memo(function ProtocolBlockView(props: ProtocolBlockViewProps): JSX.Element {
  const { nodeKey, blockId, templateId, templateVersion } = props;
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const wrapper = useRef<HTMLElement>(null);
  useIsolatedEvents(wrapper, editor);
  const body = useBlockBodyShown(wrapper);
  const load = useTemplate(templateId, templateVersion);
  const context = useMemo<BlockContextValue>(
    () => ({ editor, nodeKey, blockId, readOnly: !editable }),
    [editor, nodeKey, blockId, editable],
  );
  const name = load.status === 'ready' ? `${load.template.code ?? ''} ${load.template.name}`.trim() : templateId;

  // Drawn into the host's shadow root (block-shadow-root.ts); a portal so React's events work inside it.
  const shadow = editor.getElementByKey(nodeKey)?.shadowRoot ?? null;
  const block = (
    <section ref={wrapper} className="pb" aria-label={`${name} block`} data-template={templateId}>
      <BlockContext.Provider value={context}>
        <ErrorBoundary what="This block could not be displayed; its values are kept in the entry">
          {load.status === 'ready' ? (
            <ReadyBlock template={load.template} body={body} {...props} />
          ) : (
            <UnavailableBlock load={load} {...props} />
          )}
        </ErrorBoundary>
      </BlockContext.Provider>
    </section>
  );
  return shadow ? createPortal(block, shadow) : block;
});
