// The whole IPC contract: every `domain:verb` channel with its input schema and output type.
import type { z } from 'zod';
import type { Result } from '../result';
import { auditContract } from './audit';
import { coreContract } from './core';
import { directoryContract } from './directory';
import { documentsContract } from './documents';
import { maintenanceContract } from './maintenance';
import { meetingsContract } from './meetings';
import { registerContract } from './register';
import { sharingContract } from './sharing';
import { strategyContract } from './strategy';
import { teamContract } from './team';
import { vaultContract } from './vault';

export const contract = {
  ...coreContract,
  ...directoryContract,
  ...strategyContract,
  ...meetingsContract,
  ...documentsContract,
  ...sharingContract,
  ...registerContract,
  ...vaultContract,
  ...auditContract,
  ...teamContract,
  ...maintenanceContract,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = Exclude<Contract[C]['output'], undefined>;

export const channelNames = Object.keys(contract) as ChannelName[];

type DomainOf<K> = K extends `${infer D}:${string}` ? D : never;
type VerbsOf<D extends string> = {
  [K in ChannelName as K extends `${D}:${infer V}` ? V : never]: undefined extends InputOf<K>
    ? (input?: InputOf<K>) => Promise<Result<OutputOf<K>>>
    : (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
};
/** The shape of `window.api`: one function per channel, grouped by domain. */
export type Api = { [D in DomainOf<ChannelName>]: VerbsOf<D> };

/** Builds an Api object from one invoke function (used by the preload and by the browser harness). */
export function buildApi(invoke: (channel: ChannelName, input: unknown) => Promise<Result<unknown>>): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of channelNames) {
    const [domain, verb] = name.split(':') as [string, string];
    (api[domain] ??= {})[verb] = (input?: unknown) => invoke(name, input);
  }
  return api as unknown as Api;
}
