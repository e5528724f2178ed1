import { type JSX, memo } from 'react';
import type { TemplateDefinition } from '../../../shared/templates/definition';
import { Icon } from '../../ui/icons';
import { ProblemBadge } from './ProblemBadge';

interface Props {
  template: Pick<TemplateDefinition, 'code' | 'name' | 'version'>;
  /** What identifies this block (model id, drug and lot...), shown when folded. */
  label: string;
  collapsed: boolean;
  readOnly: boolean;
  blocking: number;
  warnings: number;
  onToggle: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

/** The block's chrome: template code and name, a problem summary, fold, duplicate and delete. */
export const BlockHeader = memo(function BlockHeader(props: Props): JSX.Element {
  const { template, label, collapsed, readOnly, blocking, warnings } = props;
  const title = `${template.code ? `${template.code} ` : ''}${template.name}`;
  return (
    <header className="pb-header">
      <button
        type="button"
        className="pb-fold"
        aria-expanded={!collapsed}
        aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${title}`}
        title={collapsed ? 'Expand' : 'Collapse'}
        onClick={props.onToggle}
      >
        <Icon name={collapsed ? 'chevronRight' : 'chevronDown'} size={16} />
      </button>
      {template.code && <span className="pb-code">{template.code}</span>}
      <h3 className="pb-name">{template.name}</h3>
      <span className="pb-version" title="Template version this block was written with">
        v{template.version}
      </span>
      {collapsed && label && <span className="pb-label-summary">{label}</span>}
      <span className="pb-header-spacer" />
      <ProblemBadge blocking={blocking} warnings={warnings} />
      {!readOnly && (
        <span className="pb-actions">
          <button
            type="button"
            className="icon-button icon-button-small"
            aria-label={`Duplicate ${title} block`}
            title="Duplicate block"
            onClick={props.onDuplicate}
          >
            <Icon name="duplicate" size={15} />
          </button>
          <button
            type="button"
            className="icon-button icon-button-small"
            aria-label={`Delete ${title} block`}
            title="Delete block (Ctrl+Z brings it back)"
            onClick={props.onDelete}
          >
            <Icon name="trash" size={15} />
          </button>
        </span>
      )}
    </header>
  );
});
