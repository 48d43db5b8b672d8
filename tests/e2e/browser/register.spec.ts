// Register of situations in the browser: create a situation during a séance (decision linked), see it in the register, statistics PDF, DPO journal.
import { readFileSync } from 'node:fs';
import { seedDemoRegister } from '../../../src/main/services/demo/situations';
import { Vault } from '../../../src/main/vault/vault';
import { expect, test } from './harness';

test('create a situation during a séance, find it in the register, print the statistics', async ({ page, harness }) => {
  await harness.seedDemo();
  const vault = new Vault(harness.dataDir);
  await vault.create('valmont-demo');
  harness.ctx.vault = vault;
  await seedDemoRegister(harness.ctx);
  const cells = new Set(harness.ctx.store.data.instances.filter((i) => i.kind === 'working_group' && i.confidentiality === 'confidential').map((i) => i.id));
  // The latest meeting of a cellule de veille, reopened as a séance in progress.
  const meeting = [...harness.ctx.store.data.meetings].filter((m) => cells.has(m.instanceId)).sort((a, b) => b.date.localeCompare(a.date))[0];
  const cell = harness.ctx.store.data.instances.find((i) => i.id === meeting.instanceId)!;
  await harness.ctx.store.update((d) => {
    const m = d.meetings.find((x) => x.id === meeting.id)!;
    m.status = 'in_progress';
    delete m.validatedAt;
  });
  const before = vault.read().situations.length;

  // During the séance: Ctrl+D, the decision, « Nouvelle situation au registre » and three closed lists.
  await page.goto(`/#/reunions/${meeting.id}/seance`);
  await expect(page.getByTestId('confidential-banner')).toBeVisible();
  await page.keyboard.press('Control+d');
  const cap = page.getByRole('dialog');
  await cap.getByLabel('Ce qui est décidé').fill('Proposer une médiation scolaire');
  await cap.getByLabel('Nouvelle situation au registre').check();
  await expect(cap.getByText('Sans nom, sans donnée de santé, sans jugement.')).toBeVisible();
  await cap.getByRole('combobox', { name: 'Origine du signalement' }).click();
  await page.getByRole('option', { name: 'Établissement scolaire' }).click();
  await cap.getByRole('combobox', { name: 'Motif', exact: true }).click();
  await page.getByRole('option', { name: 'Harcèlement (victime ou auteur présumé)' }).click();
  await cap.getByRole('combobox', { name: 'Tranche d’âge' }).click();
  await page.getByRole('option', { name: '11 à 14 ans' }).click();
  await cap.getByLabel('Année de naissance').fill(String(new Date().getFullYear() - 13));
  await harness.screenshot(page, '90-seance-nouvelle-situation');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Décision enregistrée.')).toBeVisible();
  await expect.poll(() => vault.read().situations.length).toBe(before + 1);
  const created = vault.read().situations.at(-1)!;
  const decision = harness.ctx.store.data.meetings.find((m) => m.id === meeting.id)!.decisions.at(-1)!;
  expect(decision.situationRef).toBe(created.reference);
  expect(created.instanceIds).toEqual([cell.id]);
  expect(created.legalEndDate).toMatch(/^\d{4}-01-01$/);

  // The register, reached from the instance page.
  await page.goto(`/#/instances/${cell.id}`);
  await page.getByRole('link', { name: 'Registre des situations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registre des situations' })).toBeVisible();
  await expect(page.getByRole('link', { name: `situation n° ${created.reference}` })).toBeVisible();
  await harness.screenshot(page, '91-registre-des-situations');
  await page.getByRole('link', { name: `situation n° ${created.reference}` }).click();
  await expect(page.getByText('Proposer une médiation scolaire').or(page.getByRole('link', { name: meeting.title })).first()).toBeVisible();
  await harness.screenshot(page, '92-situation');

  // Statistics PDF: counts only.
  await page.goto('/#/registre');
  await page.getByRole('button', { name: 'Imprimer les statistiques' }).click();
  await expect.poll(() => harness.savedFiles.find((f) => f.includes('statistiques-registre'))).toBeTruthy();
  const pdf = readFileSync(harness.savedFiles.find((f) => f.includes('statistiques-registre'))!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.includes(Buffer.from(created.reference))).toBe(false);

  // DPO journal: accesses logged, with the retention plan.
  await page.getByRole('link', { name: 'Journal de protection des données' }).click();
  await expect(page.getByRole('table', { name: 'Journal des accès' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Journal des accès' }).getByText(created.reference).first()).toBeVisible();
  await harness.screenshot(page, '93-journal-protection-donnees');
});

test('an archived situation is consulted only with a reason, which is logged', async ({ page, harness }) => {
  await harness.seedDemo();
  const vault = new Vault(harness.dataDir);
  await vault.create('valmont-demo');
  harness.ctx.vault = vault;
  await seedDemoRegister(harness.ctx);
  const archived = vault.read().situations.find((s) => s.status === 'archived')!;
  await page.goto(`/#/registre/${archived.id}`);
  await expect(page.getByRole('heading', { name: 'Situation archivée' })).toBeVisible();
  await page.getByLabel('Motif de la consultation').fill('Demande du parquet');
  await page.getByRole('button', { name: 'Consulter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `situation n° ${archived.reference}` })).toBeVisible();
  expect(vault.read().accessLog.some((e) => e.action === 'consult_archived' && e.reason === 'Demande du parquet')).toBe(true);
});
