/**
 * The XMP metadata packet of a Persist PDF: PDF/A identification (part 3,
 * conformance B) and the Dublin Core, XMP and PDF properties that mirror the
 * document information dictionary (PDF/A requires the two to agree).
 */

export interface XmpFields {
  title: string;
  authors: string[];
  description: string;
  keywords: string;
  creatorTool: string;
  producer: string;
  /** UTC ISO time; written without milliseconds, as the Info dictionary's dates are. */
  created: string;
  modified: string;
  /** uuid:… ids for xmpMM, stable for one PDF. */
  documentId: string;
  instanceId: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "2026-11-26T18:09:48Z": to the second, like a PDF date. */
export function xmpDate(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;

export function xmpPacket(f: XmpFields): string {
  const creators = f.authors.map((a) => `<rdf:li>${escapeXml(a)}</rdf:li>`).join('');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title>${alt(f.title)}</dc:title>
   <dc:creator><rdf:Seq>${creators}</rdf:Seq></dc:creator>
   <dc:description>${alt(f.description)}</dc:description>
   <pdf:Keywords>${escapeXml(f.keywords)}</pdf:Keywords>
   <pdf:Producer>${escapeXml(f.producer)}</pdf:Producer>
   <xmp:CreatorTool>${escapeXml(f.creatorTool)}</xmp:CreatorTool>
   <xmp:CreateDate>${xmpDate(f.created)}</xmp:CreateDate>
   <xmp:ModifyDate>${xmpDate(f.modified)}</xmp:ModifyDate>
   <xmp:MetadataDate>${xmpDate(f.modified)}</xmp:MetadataDate>
   <xmpMM:DocumentID>${escapeXml(f.documentId)}</xmpMM:DocumentID>
   <xmpMM:InstanceID>${escapeXml(f.instanceId)}</xmpMM:InstanceID>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
