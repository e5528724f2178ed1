import { $applyNodeReplacement, DecoratorNode, type DOMExportOutput, type LexicalNode, type NodeKey } from 'lexical';
import type { JSX } from 'react';
import {
  ATTACHMENT_IMAGE_TYPE,
  ATTACHMENT_IMAGE_VERSION,
  type SerializedAttachmentImage,
} from '../../../shared/attachments/image-node';
import { AttachmentImageView } from './AttachmentImageView';

/**
 * A picture in the entry text: a block-level decorator that names its
 * attachment by SHA-256 (the bytes live in the profile's attachment store).
 * Its JSON is exactly SerializedAttachmentImage of shared/, which the core
 * validates and lists among the attachments the entry uses.
 */
export class AttachmentImageNode extends DecoratorNode<JSX.Element> {
  __sha256: string;
  __alt: string;
  __width: number | undefined;

  static override getType(): string {
    return ATTACHMENT_IMAGE_TYPE;
  }

  static override clone(node: AttachmentImageNode): AttachmentImageNode {
    return new AttachmentImageNode(node.__sha256, node.__alt, node.__width, node.__key);
  }

  static override importJSON(json: SerializedAttachmentImage): AttachmentImageNode {
    return $createAttachmentImageNode({ sha256: json.sha256, alt: json.alt, width: json.width });
  }

  constructor(sha256: string, alt: string, width?: number, key?: NodeKey) {
    super(key);
    this.__sha256 = sha256;
    this.__alt = alt;
    this.__width = width;
  }

  override exportJSON(): SerializedAttachmentImage {
    const self = this.getLatest();
    const json: SerializedAttachmentImage = {
      type: ATTACHMENT_IMAGE_TYPE,
      version: ATTACHMENT_IMAGE_VERSION,
      sha256: self.__sha256,
      alt: self.__alt,
    };
    if (self.__width !== undefined) json.width = self.__width;
    return json;
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('div');
    element.className = 'entry-image-host';
    element.contentEditable = 'false';
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  /** Search and plain-text copies read the picture's description. */
  override getTextContent(): string {
    return this.getLatest().__alt;
  }

  override decorate(): JSX.Element {
    return <AttachmentImageView nodeKey={this.__key} sha256={this.__sha256} alt={this.__alt} width={this.__width} />;
  }

  getSha256(): string {
    return this.getLatest().__sha256;
  }

  static override importDOM(): null {
    // Pasted HTML <img> tags point at other origins; only pasted files become attachments.
    return null;
  }

  override exportDOM(): DOMExportOutput {
    // Copied as its description: an image's bytes do not travel in HTML.
    const element = document.createElement('p');
    element.textContent = `[image: ${this.getLatest().__alt}]`;
    return { element };
  }
}

export function $createAttachmentImageNode(input: {
  sha256: string;
  alt: string;
  width?: number;
}): AttachmentImageNode {
  return $applyNodeReplacement(new AttachmentImageNode(input.sha256, input.alt, input.width));
}

export function $isAttachmentImageNode(node: LexicalNode | null | undefined): node is AttachmentImageNode {
  return node instanceof AttachmentImageNode;
}
