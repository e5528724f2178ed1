import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) } }));
const { menuTemplate, installMenu } = await import('../../electron/main/menu');
const { Menu } = await import('electron');

function roles(template: MenuItemConstructorOptions[]): string[] {
  const out: string[] = [];
  const walk = (items: MenuItemConstructorOptions[]) => {
    for (const item of items) {
      if (item.role) out.push(item.role);
      if (Array.isArray(item.submenu)) walk(item.submenu);
    }
  };
  walk(template);
  return out;
}

describe('the application menu', () => {
  it('has the native editing roles everywhere', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const r = roles(menuTemplate({ platform, isDev: false, appName: 'Persist' }));
      for (const role of [
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'quit',
      ]) {
        expect(r, `${platform} ${role}`).toContain(role);
      }
    }
  });

  it('starts with the app menu on macOS only', () => {
    const mac = menuTemplate({ platform: 'darwin', isDev: false, appName: 'Persist' });
    expect(mac[0]?.label).toBe('Persist');
    expect(roles([mac[0]!])).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    const linux = menuTemplate({ platform: 'linux', isDev: false, appName: 'Persist' });
    expect(linux[0]?.label).toBe('File');
    expect(roles(linux)).not.toContain('about');
  });

  it('offers reload and developer tools only in development', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const prod = roles(menuTemplate({ platform, isDev: false, appName: 'Persist' }));
      expect(prod).not.toContain('reload');
      expect(prod).not.toContain('forceReload');
      expect(prod).not.toContain('toggleDevTools');
      const dev = roles(menuTemplate({ platform, isDev: true, appName: 'Persist' }));
      expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    }
  });

  it('installs the template as the application menu', () => {
    installMenu({ platform: 'linux', isDev: false, appName: 'Persist' });
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(
      menuTemplate({ platform: 'linux', isDev: false, appName: 'Persist' }),
    );
  });
});
