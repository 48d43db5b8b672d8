// Handlers of the sharing domain's channels.
import type { HandlerSlice } from './handlers';

export const sharingHandlers: HandlerSlice<never> = {};
