import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatch, type Handlers } from '../core/index';
import { CHANNEL_NAMES } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/errors';
import { isTrustedSender } from './origin';

export { isTrustedSender } from './origin';

/** The URL of the frame that sent a message, or null when it is gone. */
function senderUrl(event: IpcMainInvokeEvent): string | null {
  try {
    // senderFrame is null once the frame navigated away or was destroyed, and
    // reading a disposed frame's properties throws.
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

const FORBIDDEN: IpcResult<never> = {
  ok: false,
  code: 'forbidden',
  message: 'This request did not come from a Persist window.',
};

/**
 * Registers one ipcMain handler per contract channel. Each checks that the
 * sending frame shows the app's own origin, then hands the raw input to the
 * core's dispatch, which validates it with the channel's schema and turns
 * every outcome (including thrown errors) into plain data. Returns a function
 * that removes the handlers again.
 */
export function registerIpcHandlers(handlers: Handlers, appOrigin: string): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(senderUrl(event), appOrigin)) return FORBIDDEN;
      return dispatch(handlers, channel, input);
    });
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(channel);
  };
}
