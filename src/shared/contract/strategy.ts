// IPC channels of the strategy domain.
import { z } from '../validation';
import { channel } from './define';

export const strategyContract = {} as const;

// Keeps the imports used until the first channel is declared.
export type _strategyUnused = [typeof z, typeof channel];
