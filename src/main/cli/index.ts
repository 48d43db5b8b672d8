// The table of every CLI command, one module per domain.
import { coreCommands } from './core';
import { documentsCommands } from './documents';
import { meetingsCommands } from './meetings';
import { registerCommands } from './register';
import type { Command } from './framework';
import { serverCommands } from './server';
import { sharingCommands } from './sharing';
import { strategyCommands } from './strategy';
import { vaultCommands } from './vault';

export const commands: Command[] = [...coreCommands, ...sharingCommands, ...documentsCommands, ...strategyCommands, ...meetingsCommands, ...registerCommands, ...serverCommands, ...vaultCommands];
