// IPC channels of the sharing domain.
import { z } from '../validation';
import { channel } from './define';

export const sharingContract = {} as const;

// Keeps the imports used until the first channel is declared.
export type _sharingUnused = [typeof z, typeof channel];
