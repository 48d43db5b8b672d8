// Handlers of the meetings domain's channels.
import type { HandlerSlice } from './handlers';

export const meetingsHandlers: HandlerSlice<never> = {};
