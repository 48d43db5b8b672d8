// Preload (sandboxed, CommonJS): exposes window.api, one function per contract channel, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type ChannelName } from '../shared/contract';
import type { Result } from '../shared/result';

// Only the result crosses back: the IpcRendererEvent and ipcRenderer itself never reach the page.
const invoke = (channel: ChannelName, input: unknown): Promise<Result<unknown>> => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>;

contextBridge.exposeInMainWorld('api', buildApi(invoke));
