// IPC channels of the documents domain.
import { z } from '../validation';
import { channel } from './define';

export const documentsContract = {} as const;

// Keeps the imports used until the first channel is declared.
export type _documentsUnused = [typeof z, typeof channel];
