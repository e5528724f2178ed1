import { type JSX, useMemo } from 'react';
import type { LexicalNodeJson } from '../../shared/domain/types';
import type { PrintModel } from '../../shared/pdf/print-model';
import type { TemplateDefinition } from '../../shared/templates/definition';
import { AuditTrail } from './AuditTrail';
import { PrintBlock } from './PrintBlock';
import { PageStyle } from './PageStyle';
import { PrintHeader } from './PrintHeader';
import type { PrintContext } from './print-context';
import { type RichTextHooks, renderNodes } from './rich-text';
import { SignatureBlock } from './SignatureBlock';

function contextOf(model: PrintModel): PrintContext {
  const templates = new Map<string, TemplateDefinition>(model.templates.map((t) => [`${t.id}@${t.version}`, t]));
  return {
    template: (id, version) => templates.get(`${id}@${version}`),
    image: (sha256) => model.images[sha256],
    env: { today: model.evaluatedOn, user: model.entry.authors[0] ?? '' },
  };
}

/** An attachment-image node of the content: at its width, never wider than the page; a missing file is said. */
function imageNode(node: LexicalNodeJson, key: string, ctx: PrintContext): JSX.Element {
  const sha256 = typeof node.sha256 === 'string' ? node.sha256 : '';
  const alt = typeof node.alt === 'string' && node.alt !== '' ? node.alt : 'image';
  const width = typeof node.width === 'number' ? node.width : undefined;
  const image = sha256 ? ctx.image(sha256) : undefined;
  if (!image) {
    return (
      <p key={key} className="pr-computed-error">
        Image &quot;{alt}&quot; ({sha256.slice(0, 12) || 'no hash'}) is not in this profile, so it is not printed.
      </p>
    );
  }
  return (
    <figure key={key} className="pr-image">
      <img src={image.dataUrl} alt={alt} data-sha256={sha256} style={width ? { width: `${width}px` } : undefined} />
      <figcaption>{alt}</figcaption>
    </figure>
  );
}

/** The whole printed record: header, content, audit trail and signatures. */
export function PrintDocument({ model }: { model: PrintModel }): JSX.Element {
  const ctx = useMemo(() => contextOf(model), [model]);
  const hooks: RichTextHooks = useMemo(
    () => ({
      block: (node, key) => <PrintBlock key={key} node={node} ctx={ctx} />,
      image: (node, key) => imageNode(node, key, ctx),
    }),
    [ctx],
  );
  const children = Array.isArray(model.content.root.children) ? model.content.root.children : [];
  return (
    <article className={`pr-page pr-paper-${model.paper}`} data-entry-id={model.entry.id}>
      <PageStyle model={model} />
      <PrintHeader model={model} />
      <main className="pr-content">{renderNodes(children, hooks, 'c')}</main>
      <AuditTrail revisions={model.revisions} printed={model.entry.revision} />
      <SignatureBlock signatures={model.signatures} />
      <p className="pr-colophon">
        Made by {model.generator} on {model.generatedAt.slice(0, 10)}. The entry&apos;s canonical JSON record is
        attached to this PDF as {model.record.fileName}; check it with <code>persist pdf-verify</code>.
      </p>
    </article>
  );
}
