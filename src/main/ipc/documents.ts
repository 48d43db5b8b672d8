// Handlers of the documents domain's channels.
import type { HandlerSlice } from './handlers';

export const documentsHandlers: HandlerSlice<never> = {};
