import type { ChannelInput, ChannelName, ChannelResult, EventName, EventPayload } from './contract';
import type { IpcResult } from './errors';

/**
 * What the preload (or the test harness) exposes as window.persist. Only plain
 * data crosses; errors come back as values with a stable code, never thrown.
 */
export interface PersistBridge {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelResult<C>>>;
  /** Subscribes to a pushed event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
