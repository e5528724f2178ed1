import { describe, expect, it } from 'vitest';
import { parsePlateReadings, ReadingsFormatError } from '../../renderer/blocks/platemap/reader-grid';
import { assignRole, clearReadings, countReadings, setReadings } from '../../renderer/blocks/platemap/plate-edits';
import type { PlateMapValue } from '../../shared/templates/block';

/** A full 96-well read where well (r, c) reads r * 100 + c + 1. */
function readerGrid(options: { headers?: boolean; labels?: boolean; separator?: string } = {}): string {
  const sep = options.separator ?? '\t';
  const lines: string[] = [];
  if (options.headers)
    lines.push(
      [options.labels ? '' : null, ...Array.from({ length: 12 }, (_, c) => c + 1)].filter((x) => x !== null).join(sep),
    );
  for (let r = 0; r < 8; r += 1) {
    const cells = Array.from({ length: 12 }, (_, c) => String(r * 100 + c + 1));
    lines.push([...(options.labels ? ['ABCDEFGH'[r]] : []), ...cells].join(sep));
  }
  return lines.join('\r\n') + '\r\n';
}

describe('pasting plate-reader readings', () => {
  it('reads a bare tab-separated 8 × 12 grid from A1', () => {
    const { readings, count } = parsePlateReadings(readerGrid(), 96);
    expect(count).toBe(96);
    expect(readings.A1).toBe(1);
    expect(readings.A12).toBe(12);
    expect(readings.H12).toBe(712);
  });

  it('reads a grid with column numbers and row letters, as readers export it', () => {
    const { readings, count } = parsePlateReadings(readerGrid({ headers: true, labels: true }), 96);
    expect(count).toBe(96);
    expect(readings.C5).toBe(205);
  });

  it('places a labelled part of a plate where its labels say', () => {
    const text = '\t3\t4\nB\t10\t11\nD\t30\t\n';
    expect(parsePlateReadings(text, 96).readings).toEqual({ B3: 10, B4: 11, D3: 30 });
  });

  it('understands semicolons with decimal commas, commas, spaces and exponents', () => {
    expect(parsePlateReadings('1,5;2,25\n3;4', 96).readings).toEqual({ A1: 1.5, A2: 2.25, B1: 3, B2: 4 });
    expect(parsePlateReadings('1.5,2\n"3","4"', 96).readings).toEqual({ A1: 1.5, A2: 2, B1: 3, B2: 4 });
    expect(parsePlateReadings('1.2E+05  3e-2\n-1 +7', 96).readings).toEqual({ A1: 120000, A2: 0.03, B1: -1, B2: 7 });
  });

  it('refuses a grid larger than the plate, naming both sizes', () => {
    const big = Array.from({ length: 16 }, () => Array(24).fill('1').join('\t')).join('\n');
    expect(() => parsePlateReadings(big, 96)).toThrow(/16 rows and 24 columns; a 96-well plate has 8 rows/);
    expect(parsePlateReadings(big, 384).count).toBe(384);
    expect(() => parsePlateReadings('\t13\nA\t1', 96)).toThrow(ReadingsFormatError);
  });

  it('names the wells that hold no number (overflow marks) and stores nothing', () => {
    const text = readerGrid().replace('\t5\t', '\tOVRFLW\t').replace('\t712', '\t*');
    expect(() => parsePlateReadings(text, 96)).toThrow(/Not a number in 2 wells: A5 \(“OVRFLW”\), H12 \(“\*”\)/);
  });

  it('refuses empty text with a message, not a crash', () => {
    expect(() => parsePlateReadings('  \n\n', 96)).toThrow(/Paste the plate reader/);
    expect(() => parsePlateReadings('\t\t\n', 96)).toThrow(ReadingsFormatError);
  });
});

describe('readings on the plate map value', () => {
  const plate: PlateMapValue = {
    format: 96,
    wells: {
      B2: { role: 'sample', dose: 0, concentration: { value: 100, unit: 'µM' }, reading: 5 },
      B11: { role: 'vehicle' },
    },
  };

  it('a new read replaces the old one and keeps roles and doses; unassigned wells keep their reading', () => {
    const next = setReadings(plate, { B11: 9000, A1: 42 });
    expect(next.wells.B2).toEqual({ role: 'sample', dose: 0, concentration: { value: 100, unit: 'µM' } });
    expect(next.wells.B11).toEqual({ role: 'vehicle', reading: 9000 });
    expect(next.wells.A1).toEqual({ role: 'empty', reading: 42 });
    expect(countReadings(next)).toBe(2);
  });

  it('changing a role keeps the well reading; clearing readings keeps the roles', () => {
    const withReads = setReadings(plate, { B2: 7, C3: 8 });
    const roles = assignRole(withReads, ['B2', 'C3'], 'kill');
    expect(roles.wells.B2).toEqual({ role: 'kill', reading: 7 });
    expect(roles.wells.C3).toEqual({ role: 'kill', reading: 8 });
    expect(assignRole(roles, ['C3'], 'empty').wells.C3).toEqual({ role: 'empty', reading: 8 });
    const cleared = clearReadings(roles);
    expect(cleared.wells).toEqual({ B2: { role: 'kill' }, B11: { role: 'vehicle' }, C3: { role: 'kill' } });
    expect(countReadings(cleared)).toBe(0);
  });
});
