// Registers one ipcMain handler per contract channel: checks the sender, then hands the payload to the never-throwing invoker.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, type ChannelName } from '../../shared/contract';
import { fr } from '../../shared/i18n';
import type { Result } from '../../shared/result';
import type { Invoke } from '../ipc/handlers';
import { isTrustedSender } from './security';

export const FORBIDDEN_SENDER: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: fr.errors.forbiddenSender },
};

/** The function behind one channel: sender check first, then the invoker (zod parsing, French errors). */
export function createChannelHandler(
  channel: ChannelName,
  invoke: Invoke,
  log: (e: unknown) => void = console.error,
): (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, payload: unknown) => Promise<Result<unknown>> {
  return async (event, payload) => {
    if (!isTrustedSender(event.senderFrame)) return FORBIDDEN_SENDER;
    try {
      return await invoke(channel, payload);
    } catch (e) {
      // The invoker never throws; this is a last line so nothing crosses IPC as an exception.
      log(e);
      return { ok: false, error: { code: 'internal', message: fr.errors.internal } };
    }
  };
}

/** One `ipcMain.handle` per channel of the contract, nothing else. Returns the registered channel names. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, invoke: Invoke, log?: (e: unknown) => void): ChannelName[] {
  for (const channel of channelNames) ipcMain.handle(channel, createChannelHandler(channel, invoke, log));
  return [...channelNames];
}
