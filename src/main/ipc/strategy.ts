// Handlers of the strategy domain's channels.
import type { HandlerSlice } from './handlers';

export const strategyHandlers: HandlerSlice<never> = {};
