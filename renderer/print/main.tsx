import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PRINT_MODEL_SCHEMA, type PrintModel } from '../../shared/pdf/print-model';
import { loadMathFont } from './fonts';
import { PRINT_READY_ATTRIBUTE } from './print-api';
import { PrintDocument } from './PrintDocument';
import { assetsReady } from './ready';
import './print.css';

const container = document.getElementById('print-root');
if (!container) throw new Error('The print page has no #print-root element.');
const root = createRoot(container);
const mathFont = loadMathFont();

async function render(model: PrintModel): Promise<void> {
  if (model?.schema !== PRINT_MODEL_SCHEMA) throw new Error(`Not a print model (expected ${PRINT_MODEL_SCHEMA}).`);
  document.documentElement.removeAttribute(PRINT_READY_ATTRIBUTE);
  document.title = model.entry.title;
  // Commit synchronously: the host prints as soon as this resolves, so the DOM must be complete.
  flushSync(() => root.render(<PrintDocument key={`${model.entry.id}.${model.entry.revision}`} model={model} />));
  await mathFont;
  await assetsReady(container as HTMLElement);
  document.documentElement.setAttribute(PRINT_READY_ATTRIBUTE, model.entry.id);
}

window.persistPrint = Object.freeze({ render });
