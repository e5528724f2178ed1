import {
  $applyNodeReplacement,
  DecoratorNode,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { JSX } from 'react';
import {
  type BlockValues,
  PROTOCOL_BLOCK_TYPE,
  PROTOCOL_BLOCK_VERSION,
  type SerializedProtocolBlock,
} from '../../../shared/templates/block';
import { ProtocolBlockView } from '../view/ProtocolBlockView';
import { attachBlockShadowRoot } from './block-shadow-root';

/**
 * A protocol template block inside an entry: a block-level decorator whose
 * data (template, version, values) is exactly the SerializedProtocolBlock
 * declared in shared/, so the core reads it without Lexical. The form is
 * React (decorate); every edit goes through the setters in an editor.update,
 * so undo, redo and autosave treat it like any other change to the text.
 */
export class ProtocolBlockNode extends DecoratorNode<JSX.Element> {
  __blockId: string;
  __templateId: string;
  __templateVersion: number;
  __values: BlockValues;
  __collapsed: boolean;

  static override getType(): string {
    return PROTOCOL_BLOCK_TYPE;
  }

  static override clone(node: ProtocolBlockNode): ProtocolBlockNode {
    return new ProtocolBlockNode(
      node.__blockId,
      node.__templateId,
      node.__templateVersion,
      node.__values,
      node.__collapsed,
      node.__key,
    );
  }

  static override importJSON(json: SerializedProtocolBlock): ProtocolBlockNode {
    return $createProtocolBlockNode({
      blockId: json.blockId,
      templateId: json.templateId,
      templateVersion: json.templateVersion,
      values: isRecord(json.values) ? json.values : {},
      collapsed: json.collapsed === true,
    });
  }

  constructor(
    blockId: string,
    templateId: string,
    templateVersion: number,
    values: BlockValues = {},
    collapsed = false,
    key?: NodeKey,
  ) {
    super(key);
    this.__blockId = blockId;
    this.__templateId = templateId;
    this.__templateVersion = templateVersion;
    this.__values = values;
    this.__collapsed = collapsed;
  }

  override exportJSON(): SerializedProtocolBlock {
    const self = this.getLatest();
    const json: SerializedProtocolBlock = {
      type: PROTOCOL_BLOCK_TYPE,
      version: PROTOCOL_BLOCK_VERSION,
      blockId: self.__blockId,
      templateId: self.__templateId,
      templateVersion: self.__templateVersion,
      values: self.__values,
    };
    if (self.__collapsed) json.collapsed = true;
    return json;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    element.className = config.theme.protocolBlock ?? 'protocol-block-host';
    element.contentEditable = 'false';
    element.dataset.blockId = this.__blockId;
    // For the estimated height of an off-screen block (content-visibility in blocks.css).
    element.dataset.template = this.__templateId;
    if (this.__collapsed) element.dataset.collapsed = '';
    attachBlockShadowRoot(element);
    return element;
  }

  override updateDOM(_prevNode: this, dom: HTMLElement): false {
    if (this.__collapsed) dom.dataset.collapsed = '';
    else delete dom.dataset.collapsed;
    return false;
  }

  override isInline(): false {
    return false;
  }

  override decorate(_editor: LexicalEditor, _config: EditorConfig): JSX.Element {
    return (
      <ProtocolBlockView
        nodeKey={this.__key}
        blockId={this.__blockId}
        templateId={this.__templateId}
        templateVersion={this.__templateVersion}
        values={this.__values}
        collapsed={this.__collapsed}
      />
    );
  }

  // Getters read the latest version of the node.
  getBlockId(): string {
    return this.getLatest().__blockId;
  }

  getTemplateId(): string {
    return this.getLatest().__templateId;
  }

  getTemplateVersion(): number {
    return this.getLatest().__templateVersion;
  }

  getValues(): BlockValues {
    return this.getLatest().__values;
  }

  isCollapsed(): boolean {
    return this.getLatest().__collapsed;
  }

  // Setters write to a writable copy; values are replaced, never mutated, so
  // an unchanged field keeps its identity and its form control does not re-render.
  setValue(fieldId: string, value: unknown): this {
    const self = this.getWritable();
    const next = { ...self.__values };
    if (value === undefined) delete next[fieldId];
    else next[fieldId] = value;
    self.__values = next;
    return self;
  }

  setValues(values: BlockValues): this {
    const self = this.getWritable();
    self.__values = values;
    return self;
  }

  setCollapsed(collapsed: boolean): this {
    const self = this.getWritable();
    self.__collapsed = collapsed;
    return self;
  }
}

function isRecord(value: unknown): value is BlockValues {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ProtocolBlockInit {
  blockId: string;
  templateId: string;
  templateVersion: number;
  values?: BlockValues;
  collapsed?: boolean;
}

export function $createProtocolBlockNode(init: ProtocolBlockInit): ProtocolBlockNode {
  return $applyNodeReplacement(
    new ProtocolBlockNode(init.blockId, init.templateId, init.templateVersion, init.values ?? {}, init.collapsed),
  );
}

export function $isProtocolBlockNode(node: LexicalNode | null | undefined): node is ProtocolBlockNode {
  return node instanceof ProtocolBlockNode;
}
