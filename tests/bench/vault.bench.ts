// Protected store benchmarks on the ten-year dataset with ~2,000 situations: unlocking (real scrypt cost) and saving a confidential séance note.
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { scaleSituations } from '../../src/main/services/demo/situations';
import { createMeeting, makeItem, saveNotes, transitionMeeting } from '../../src/main/services/meetings';
import { Store } from '../../src/main/store/store';
import { completeProtectionMove } from '../../src/main/vault/migration';
import { Vault } from '../../src/main/vault/vault';
import { tenYearCopy } from './fixtures';
import { bench } from './harness';

const PASSPHRASE = 'valmont-demo';

async function protectedTenYears(): Promise<{ store: Store; ctx: ServiceContext; vault: Vault }> {
  const dir = tenYearCopy();
  const store = Store.open(dir, { owner: 'test' });
  const ctx = createContext(store);
  const vault = new Vault(dir);
  ctx.vault = vault;
  await vault.create(PASSPHRASE);
  await completeProtectionMove(store, vault, new Date());
  const now = new Date();
  const situations = scaleSituations(store.data, now.toISOString().slice(0, 10), now.toISOString());
  await vault.update((d) => void d.situations.push(...situations));
  return { store, ctx, vault };
}

void bench('vault.unlock.10y', {
  setup: protectedTenYears,
  beforeEach: ({ vault }) => vault.lock(),
  run: ({ vault }) => vault.unlock(PASSPHRASE),
  teardown: ({ store }) => store.close(),
  runs: 9,
  target_ms: 500,
});

void bench('notes.save.confidential.10y', {
  setup: async () => {
    const s = await protectedTenYears();
    const data = s.store.data;
    const instance = data.instances.find((i) => i.status === 'active' && i.confidentiality === 'confidential')!;
    const { meeting } = await createMeeting(s.ctx, { instanceId: instance.id, title: 'Cellule de veille (mesure)', date: new Date().toISOString().slice(0, 10), startTime: '09:00' });
    await s.store.update((d) => {
      d.meetings.find((x) => x.id === meeting.id)!.agenda = Array.from({ length: 12 }, (_, i) => makeItem({ title: `Situation ${i + 1}`, durationMin: 10 }));
    });
    const m = await transitionMeeting(s.ctx, meeting.id, 'in_progress');
    return { ...s, meetingId: m.id, itemId: m.agenda[3].id };
  },
  run: (s, i) => saveNotes(s.ctx, { meetingId: s.meetingId, agendaItemId: s.itemId, notes: `Situation 2026-0${i % 90}. Orientation proposée, point au mois prochain. `.repeat(20) }),
  teardown: ({ store }) => store.close(),
  runs: 15,
  target_ms: 50,
});
