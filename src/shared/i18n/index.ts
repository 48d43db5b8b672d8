// The single French catalogue shared by screens and documents, one section per domain.
import { a11y } from './a11y';
import { access } from './access';
import { commands } from './commands';
import { backup, hostile } from './backup';
import { common } from './common';
import { correspondence } from './correspondence';
import { directory } from './directory';
import { documents } from './documents';
import { maintenance } from './maintenance';
import { governance, meetingLife } from './governance';
import { meetings } from './meetings';
import { register } from './register';
import { sharing } from './sharing';
import { shell } from './shell';
import { store } from './store';
import { strategy } from './strategy';
import { team } from './team';
import { vault } from './vault';

export const fr = { ...common, a11y, access, commands, directory, strategy, meetings, documents, governance, meetingLife, sharing, shell, vault, team, register, correspondence, store, backup, hostile, maintenance };
export type Catalogue = typeof fr;
