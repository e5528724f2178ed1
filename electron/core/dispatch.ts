import { channels, isChannelName } from '../../shared/ipc/contract';
import type { ChannelName, ChannelParsedInput, ChannelResult } from '../../shared/ipc/contract';
import { type IpcResult, PersistError } from '../../shared/ipc/errors';
import { plainDataProblem } from './plain-data';

export type Handlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => ChannelResult<C> | Promise<ChannelResult<C>>;
};

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * The one entry point for every host of the contract (Electron main, the test
 * harness, the fuzz tests): checks the channel, parses the input with its
 * schema, runs the handler, and turns every outcome into plain data.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  input: unknown,
  log: (error: unknown) => void = (error) => console.error(error),
): Promise<IpcResult<unknown>> {
  if (!isChannelName(channel)) {
    // Not String(channel): an object without a prototype cannot be converted and would throw.
    const name =
      typeof channel === 'string' ? channel.slice(0, 80) : `(a ${channel === null ? 'null' : typeof channel})`;
    return { ok: false, code: 'unknown_channel', message: `No such request: ${name}` };
  }
  let problem: string | null;
  try {
    problem = plainDataProblem(input);
  } catch {
    problem = 'the request could not be read';
  }
  if (problem) return { ok: false, code: 'invalid_input', message: `Invalid ${channel} request: ${problem}` };
  const parsed = channels[channel].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      code: 'invalid_input',
      message: `Invalid ${channel} request: ${describeIssues(parsed.error.issues)}`,
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const data = await handler(parsed.data);
    return { ok: true, data: data ?? null };
  } catch (error) {
    if (error instanceof PersistError) return { ok: false, code: error.code, message: error.message };
    log(error);
    return {
      ok: false,
      code: 'internal',
      message: 'Persist hit an unexpected problem. Your saved work is safe; details are in the log.',
    };
  }
}
