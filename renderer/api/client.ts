import type { ChannelInput, ChannelName, ChannelResult, EventName, EventPayload } from '../../shared/ipc/contract';
import { ApiError } from './api-error';

const NO_BRIDGE = 'Persist cannot reach its notebook engine. Please restart the app.';

/**
 * The renderer's only way to the core. Results come back as values over the
 * bridge; this turns `ok: false` into a thrown ApiError so callers can use
 * plain async/await and show `error.message`.
 */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
  const bridge = window.persist;
  if (!bridge) throw new ApiError('no_bridge', NO_BRIDGE);
  const result = await bridge.invoke(channel, input);
  if (!result.ok) throw new ApiError(result.code, result.message);
  return result.data;
}

/** Subscribes to an event pushed by the host; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const bridge = window.persist;
  if (!bridge) return () => {};
  return bridge.on(event, listener);
}

export function hasBridge(): boolean {
  return window.persist !== undefined;
}
