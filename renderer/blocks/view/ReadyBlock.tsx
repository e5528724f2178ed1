import { type JSX, lazy, Suspense, useCallback, useMemo } from 'react';
import type { NodeKey } from 'lexical';
import type { BlockValues } from '../../../shared/templates/block';
import type { TemplateDefinition } from '../../../shared/templates/definition';
import { showNotice } from '../../state/notice-actions';
import { blockLabel } from '../engine';
import { deleteBlock, duplicateBlock, setBlockCollapsed } from '../node/block-actions';
import { useBlockContext } from './block-context';
import { BlockForm } from './BlockForm';
import { BlockHeader } from './BlockHeader';
import { useBlockEvaluation, useEvaluationEnv, useProblemIndex } from './evaluation';
import { ProblemMessages } from './ProblemMessages';
import { useReportProblemLevel } from './problem-levels';
import type { BlockBodyShown } from './use-block-body-shown';

// The charting library is loaded with the first block, not with the app.
const BlockCharts = lazy(() => import('../charts/BlockCharts').then((m) => ({ default: m.BlockCharts })));

interface Props {
  template: TemplateDefinition;
  nodeKey: NodeKey;
  values: BlockValues;
  collapsed: boolean;
  /** Whether the form is mounted (near the visible area), else a placeholder of its height. */
  body: BlockBodyShown;
}

function safeLabel(template: TemplateDefinition, values: BlockValues): string {
  try {
    return blockLabel(template, values);
  } catch {
    return '';
  }
}

/**
 * A block whose template is known: header, block-level problems, the form and
 * its charts. The header (with its problem counts) is always there; the body
 * only near the visible area (see useBlockBodyShown).
 */
export function ReadyBlock({ template, nodeKey, values, collapsed, body }: Props): JSX.Element {
  const { editor, readOnly } = useBlockContext();
  const env = useEvaluationEnv();
  const evaluation = useBlockEvaluation(template, values, env);
  const fieldIds = useMemo(() => new Set(template.groups.flatMap((g) => g.fields.map((f) => f.id))), [template]);
  const index = useProblemIndex(evaluation.problems, fieldIds);
  useReportProblemLevel(nodeKey, index.blocking > 0 ? 'block' : index.warnings > 0 ? 'warning' : 'none');
  const label = collapsed ? safeLabel(template, values) : '';
  const title = `${template.code ? `${template.code} ` : ''}${template.name}`;

  const onToggle = useCallback(() => setBlockCollapsed(editor, nodeKey, !collapsed), [editor, nodeKey, collapsed]);
  const onDuplicate = useCallback(() => void duplicateBlock(editor, nodeKey), [editor, nodeKey]);
  const onDelete = useCallback(() => {
    deleteBlock(editor, nodeKey);
    editor.focus();
    showNotice(`The ${title} block was deleted. Press Ctrl+Z to bring it back.`);
  }, [editor, nodeKey, title]);

  return (
    <>
      <BlockHeader
        template={template}
        label={label}
        collapsed={collapsed}
        readOnly={readOnly}
        blocking={index.blocking}
        warnings={index.warnings}
        onToggle={onToggle}
        onDuplicate={onDuplicate}
        onDelete={onDelete}
      />
      {!collapsed && !body.shown && (
        <div
          className="pb-body-pending"
          aria-busy="true"
          style={body.lastHeight === null ? undefined : { height: body.lastHeight }}
        />
      )}
      {!collapsed && body.shown && (
        <div className="pb-body">
          {template.description && <p className="pb-description">{template.description}</p>}
          <ProblemMessages problems={index.blockLevel} />
          <BlockForm template={template} values={values} evaluation={evaluation} index={index} />
          <Suspense fallback={null}>
            <BlockCharts template={template} values={values} evaluation={evaluation} />
          </Suspense>
        </div>
      )}
    </>
  );
}
