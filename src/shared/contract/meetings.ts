// IPC channels of the meetings domain.
import { z } from '../validation';
import { channel } from './define';

export const meetingsContract = {} as const;

// Keeps the imports used until the first channel is declared.
export type _meetingsUnused = [typeof z, typeof channel];
