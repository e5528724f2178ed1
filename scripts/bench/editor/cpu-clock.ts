import type { CDPSession, Page } from '@playwright/test';

export interface CpuTimes {
  /** CPU time of the page's main thread (script, style, layout, paint recording), ms. */
  mainThread: number;
  /** CPU time of the whole renderer process (adds compositing and raster threads), ms. */
  process: number;
}

/**
 * CPU time of a page's renderer (Chromium's ThreadTime and ProcessTime
 * metrics, from the DevTools protocol). CPU time grows only while the
 * threads run, not while they wait for a core, so per keystroke it stays
 * comparable when other work shares the machine; latencies do not.
 */
export class RendererCpuClock {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<RendererCpuClock> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    return new RendererCpuClock(cdp);
  }

  async now(): Promise<CpuTimes> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const value = (name: string) => {
      const metric = metrics.find((m) => m.name === name);
      if (!metric) throw new Error(`Chromium reported no ${name} metric.`);
      return metric.value * 1000;
    };
    return { mainThread: value('ThreadTime'), process: value('ProcessTime') };
  }
}
