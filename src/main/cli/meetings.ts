// Meetings CLI commands: the decisions log and the attendance statistics per institution, read-only.
import { formatShortDate } from '../../shared/format';
import { fr } from '../../shared/i18n';
import { cli as tc } from '../../shared/i18n/cli';
import { ISO_DATE_RE } from '../../shared/fields';
import { createContext } from '../services/context';
import { attendanceStats, decisionLog } from '../services/meetings';
import { Store } from '../store/store';
import { type Command, DATA_FLAG, dataDirFrom, stringFlag, UsageError } from './framework';
import { PASSPHRASE_FLAG, unlockedVault } from './passphrase';

function openReadOnly(dir: string): Store {
  return Store.open(dir, { readOnly: true });
}

const decisions: Command = {
  name: 'decisions',
  positionals: 0,
  summary: tc.decisions.summary,
  usage: 'decisions --data DOSSIER [--passphrase-file FICHIER] [--instance ID] [--from AAAA-MM-JJ] [--to AAAA-MM-JJ] [--search TEXTE] [--json]',
  flags: {
    data: DATA_FLAG,
    'passphrase-file': PASSPHRASE_FLAG,
    instance: { value: 'ID', description: tc.onlyInstanceFlag },
    from: { value: 'AAAA-MM-JJ', description: tc.decisions.fromFlag },
    to: { value: 'AAAA-MM-JJ', description: tc.decisions.toFlag },
    search: { value: 'TEXTE', description: tc.decisions.searchFlag },
    json: { description: 'Sortie JSON' },
  },
  async run(args, io) {
    const from = stringFlag(args, 'from');
    const to = stringFlag(args, 'to');
    for (const d of [from, to]) if (d && !ISO_DATE_RE.test(d)) throw new UsageError(tc.badDate);
    const dir = dataDirFrom(args);
    // Texts of confidential meetings are in the coffre: with one in the folder, the passphrase is required.
    const vault = await unlockedVault(dir, args);
    const store = openReadOnly(dir);
    try {
      if (!store.isReady) {
        io.err(store.state.status === 'broken' ? store.state.message : tc.noMeetingData);
        return 1;
      }
      const ctx = createContext(store);
      if (vault) ctx.vault = vault;
      const rows = decisionLog(ctx, { instanceId: stringFlag(args, 'instance'), from, to, query: stringFlag(args, 'search') });
      if (args.flags.json) io.out(JSON.stringify(rows, null, 2));
      else
        for (const r of rows) {
          const ref = r.decision.situationRef ? `${fr.meetings.situationRef(r.decision.situationRef)} — ` : '';
          io.out(`${formatShortDate(r.meetingDate)}\t${r.instanceName}\t${fr.meetings.ui.decisionKind[r.decision.kind]}\t${ref}${r.decision.text}\t${fr.meetings.ui.decisionStatus[r.decision.status]}${r.action ? `\t${r.action.code}` : ''}`);
        }
      return 0;
    } finally {
      await store.close();
    }
  },
};

const attendance: Command = {
  name: 'attendance',
  positionals: 0,
  summary: tc.attendance.summary,
  usage: 'attendance --data DOSSIER --year AAAA [--instance ID] [--json]',
  flags: {
    data: DATA_FLAG,
    year: { value: 'AAAA', description: tc.attendance.yearFlag, required: true },
    instance: { value: 'ID', description: tc.onlyInstanceFlag },
    json: { description: 'Sortie JSON' },
  },
  async run(args, io) {
    const year = Number(stringFlag(args, 'year'));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(tc.attendance.badYear);
    const store = openReadOnly(dataDirFrom(args));
    try {
      if (!store.isReady) {
        io.err(store.state.status === 'broken' ? store.state.message : tc.noMeetingData);
        return 1;
      }
      const rows = attendanceStats(createContext(store), year, stringFlag(args, 'instance'));
      if (args.flags.json) io.out(JSON.stringify(rows, null, 2));
      else for (const r of rows) io.out(`${r.organisationName}\t${r.rate} %\t${r.present + r.represented}/${r.invited}`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

export const meetingsCommands: Command[] = [decisions, attendance];
