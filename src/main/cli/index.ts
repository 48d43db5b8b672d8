// The table of every CLI command, one module per domain.
import { coreCommands } from './core';
import type { Command } from './framework';

export const commands: Command[] = [...coreCommands];
