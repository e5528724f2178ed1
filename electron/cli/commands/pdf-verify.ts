import fs from 'node:fs';
import type { CoreContext } from '../../core/lazy';
import { CliError, EXIT, formatPairs, printJson, type Command } from '../command';
import { openExistingProfile } from '../profile-arg';

export const pdfVerifyCommand: Command = {
  name: 'pdf-verify',
  summary: 'check a PDF record against its attached JSON (and a profile)',
  synopsis: 'pdf-verify FILE.pdf [--profile DIR] [--json]',
  description: [
    'Extracts the canonical JSON record(s) attached to a PDF made by "persist pdf",',
    'recomputes their SHA-256 and checks it against the document metadata and the',
    'footer printed on the pages; every page must carry the footer of an attached',
    'record. With --profile, the stored revision of each entry must hold exactly the',
    'attached record. Exits 0 when everything matches, 1 on any mismatch, 2 when the',
    'file is not a readable PDF or carries no Persist record.',
  ].join('\n'),
  profile: 'optional',
  positionals: { min: 1, max: 1 },
  async run({ positionals, profileDir, json, io }) {
    const file = positionals[0] as string;
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      throw new CliError(EXIT.usage, 'no_file', `Cannot read ${file}: ${(error as Error).message}`);
    }
    const ctx: CoreContext | undefined = profileDir ? openExistingProfile(profileDir) : undefined;
    try {
      const { verifyPdf } = await import('../../core/pdf/verify');
      const result = await verifyPdf(bytes, ctx);
      if (json) printJson(io, { ...result, file });
      else {
        io.stdout(
          formatPairs([
            ['File', file],
            ['Pages', result.pages],
            ['Records', result.records.length],
            ['Result', result.ok ? 'intact' : 'MISMATCH'],
          ]),
        );
        for (const r of result.records) {
          const stored = r.stored === null ? '' : `, profile: ${r.stored}`;
          io.stdout(
            `  ${r.entryId ?? '?'} rev ${r.seq ?? '?'} "${r.title ?? ''}": SHA-256 ${r.sha256}, footer on ${r.footerPages} page(s)${stored}\n`,
          );
          for (const p of r.problems) io.stdout(`    MISMATCH: ${p}\n`);
        }
        for (const p of result.problems) io.stdout(`  MISMATCH: ${p}\n`);
      }
      const first = result.records.flatMap((r) => r.problems)[0] ?? result.problems[0];
      if (first) io.stderr(`persist: pdf-verify failed: ${first}\n`);
      return result.ok ? EXIT.ok : EXIT.failed;
    } finally {
      ctx?.close();
    }
  },
};
