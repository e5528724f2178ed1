import { type BrowserWindow, dialog } from 'electron';

/**
 * The folder picker behind 'sync.chooseFolder': main only asks; the core
 * checks the folder and sets it up (core/sync/target-folder.ts). Kept thin:
 * untested here for want of an Electron binary.
 */
export async function chooseSyncFolder(window: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Choose the shared folder to sync to',
    buttonLabel: 'Sync to this folder',
    // No createDirectory: Persist never creates a share's root; the folder must already be there.
    properties: ['openDirectory' as const],
  };
  const answer = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const folder = answer.filePaths[0];
  return answer.canceled || !folder ? null : folder;
}
