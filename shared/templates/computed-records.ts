import {
  type ComputedFunction,
  MissingInput,
  notApplicable,
  numberResult,
  outcome,
  text,
  textResult,
} from './computed-args';
import { daysBetween, isIsoDate, isIsoDateTime } from './dates';
import { SCHEME_PATTERNS } from './identifiers';

/** Computed values of model records (T1): the RRID and the age of the last mycoplasma test. */

/** RRID from a Cellosaurus accession: "RRID:" + accession (RRID:CVCL_1579). */
export const rrid: ComputedFunction = {
  description: 'The RRID of a cell line: "RRID:" followed by its Cellosaurus accession.',
  inputs: { accession: { label: 'Cellosaurus accession' } },
  result: { type: 'text' },
  run(args) {
    const accession = text(args, 'accession');
    // An invalid accession is reported on its own field; no RRID is made from it.
    if (!SCHEME_PATTERNS.cellosaurus.test(accession)) throw new MissingInput('accession');
    return outcome(textResult(`RRID:${accession}`));
  },
};

/** Whole days from a date to today (the field's warn range flags an old mycoplasma test). */
export const daysSince: ComputedFunction = {
  description: 'Days from the date to today; a future date is flagged.',
  inputs: { date: { label: 'date' } },
  result: { type: 'number', family: 'time' },
  run(args) {
    const date = args.inputs.date;
    if (!isIsoDate(date) && !isIsoDateTime(date)) throw new MissingInput('date');
    const today = args.env.today;
    if (!isIsoDate(today)) return outcome(notApplicable("needs today's date"));
    const days = daysBetween(date, today);
    if (days === null) throw new MissingInput('date');
    const value = numberResult(args, days, { fromUnit: 'd', suffix: 'days' });
    if (days < 0) {
      return outcome(value, [
        { severity: 'warning', code: 'future_date', message: `The date ${date} is in the future.` },
      ]);
    }
    return outcome(value);
  },
};
