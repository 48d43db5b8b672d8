// Building blocks of the IPC contract: a channel is a zod input schema plus a phantom output type.
import type { z } from 'zod';

export interface Channel<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom field carrying the output type; never set at run time. */
  readonly output?: O;
}

/** `channel<Output>()(inputSchema)` declares one `domain:verb` channel. */
export function channel<O>() {
  return <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- type-level constraint only, never a value
export type AnyChannel = Channel<z.ZodType, any>;
export type ChannelMap = Record<`${string}:${string}`, AnyChannel>;
