// Browser E2E: after a confirmed deletion (or another disappearance) the keyboard focus is never on <body>: it lands on the
// next row's equivalent control (else the previous one, else the list's heading or « add » button), and « Annuler la
// suppression » puts it back on the restored row — partners, contacts, milestones, objectives, agenda points; and after
// other disappearances (a dialog opened from a menu, a status button used up, the end of a séance).
import type { Locator, Page } from '@playwright/test';
import { seedDemoRegister } from '../../../src/main/services/demo/situations';
import { createPartner, createPerson } from '../../../src/main/services/directory';
import { addMilestone } from '../../../src/main/services/strategy/actions';
import { createObjective } from '../../../src/main/services/strategy/structure';
import { Vault } from '../../../src/main/vault/vault';
import { expect, test } from './harness';

/** Where the focus is, named as a screen reader would (tag, accessible label or text). */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'BODY';
    return `${a.tagName} ${a.getAttribute('aria-label') ?? (a.textContent ?? '').trim().slice(0, 60)}`;
  });
}

/**
 * The focus is on exactly this element (and so not on <body>), and stays there: a re-render that replaces the element
 * may drop it for an instant before the focus keeper puts it back on the new one, so both checks wait for it.
 */
async function expectFocusOn(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  await expect.poll(() => focused(page)).not.toBe('BODY');
  await expect(target).toBeFocused();
}

/** Keyboard only: the control takes the focus, Entrée opens the confirmation, Tab to « Supprimer », Entrée. */
async function deleteByKeyboard(page: Page, control: Locator, confirm = 'Supprimer'): Promise<void> {
  await control.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: confirm, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

/** « Annuler la suppression » of the notification that names `what`, reached and pressed from the keyboard. */
async function undoByKeyboard(page: Page, what: string): Promise<void> {
  const undo = page.locator('.mantine-Notification-root', { hasText: what }).getByRole('button', { name: 'Annuler la suppression' });
  await undo.focus();
  await page.keyboard.press('Enter');
}

test('directory: deleting a partner or a contact keeps the focus in the list, the undo puts it back on the row', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await harness.seedDemo();
  const categoryId = harness.ctx.store.data.categories[0].id;
  for (const name of ['AAA Alpha', 'AAA Bravo', 'AAA Charlie']) await createPartner(harness.ctx, { name, categoryId });
  await page.goto('/#/partenaires');
  await expect(page.getByRole('heading', { level: 1, name: 'Partenaires' })).toBeVisible();
  const del = (name: string) => page.getByRole('button', { name: `Supprimer ${name}`, exact: true });

  await deleteByKeyboard(page, del('AAA Bravo'));
  await expect(del('AAA Bravo')).toHaveCount(0);
  await expectFocusOn(page, del('AAA Charlie'));
  await undoByKeyboard(page, 'AAA Bravo');
  await expect(del('AAA Bravo')).toBeVisible();
  await expectFocusOn(page, del('AAA Bravo'));

  // The last of the filtered list: the previous row, then the « add » button when the list is empty.
  await page.getByRole('textbox', { name: 'Rechercher' }).fill('AAA');
  await expect(page.getByRole('button', { name: /^Supprimer / })).toHaveCount(3);
  await deleteByKeyboard(page, del('AAA Charlie'));
  await expectFocusOn(page, del('AAA Bravo'));
  await deleteByKeyboard(page, del('AAA Bravo'));
  await expectFocusOn(page, del('AAA Alpha'));
  await deleteByKeyboard(page, del('AAA Alpha'));
  await expect(page.getByText('Aucun partenaire ne correspond')).toBeVisible();
  await expectFocusOn(page, page.getByRole('button', { name: 'Ajouter un partenaire' }));

  // A partner's contacts.
  const org = await createPartner(harness.ctx, { name: 'AAA Delta', categoryId });
  for (const lastName of ['Durand', 'Martin', 'Petit']) await createPerson(harness.ctx, { organisationId: org.id, civility: 'Mme', firstName: 'Claire', lastName });
  await page.goto(`/#/partenaires/${org.id}`);
  await expect(page.getByRole('heading', { level: 1, name: org.name })).toBeVisible();
  const deletes = page.getByRole('table', { name: 'Contacts' }).getByRole('button', { name: /^Supprimer / });
  const [first, second] = await deletes.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  const contact = (label: string) => page.getByRole('table', { name: 'Contacts' }).getByRole('button', { name: label, exact: true });
  await deleteByKeyboard(page, contact(first));
  await expectFocusOn(page, contact(second));
  await undoByKeyboard(page, first.replace('Supprimer ', ''));
  await expectFocusOn(page, contact(first));
  // The way back to the list is a real link (it was an anchor without href, out of the Tab order).
  const back = page.locator('#contenu').getByRole('link', { name: 'Partenaires', exact: true });
  await back.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Partenaires' })).toBeFocused();
});

test('strategy: milestones and objectives — next row, heading when none is left, undo back on the row', async ({ page, harness }) => {
  test.setTimeout(150_000);
  await harness.seedDemo();
  const data = harness.ctx.store.data;
  const action = data.actions.find((a) => a.objectiveId && !a.archived)!;
  await harness.ctx.store.update((d) => {
    d.actions.find((a) => a.id === action.id)!.milestones = [];
  });
  for (const [title, dueDate] of [['Lancement', '2026-01-15'], ['Bilan', '2026-06-15'], ['Clôture', '2026-12-15']] as const) await addMilestone(harness.ctx, action.id, { title, dueDate });
  await page.goto(`/#/plan/actions/${action.id}`);
  const milestones = page.getByRole('region', { name: 'Jalons' });
  await expect(milestones.getByRole('checkbox')).toHaveCount(3);
  const del = (t: string) => milestones.getByRole('button', { name: `Supprimer le jalon « ${t} »` });

  await deleteByKeyboard(page, del('Bilan'));
  await expectFocusOn(page, del('Clôture'));
  await undoByKeyboard(page, 'Bilan');
  await expectFocusOn(page, del('Bilan'));
  await deleteByKeyboard(page, del('Clôture'));
  await expectFocusOn(page, del('Bilan'));
  await deleteByKeyboard(page, del('Bilan'));
  await deleteByKeyboard(page, del('Lancement'));
  await expectFocusOn(page, milestones.getByRole('heading', { name: 'Jalons' }));

  // The plan: an objective deleted from its menu gives the focus to the next objective's menu button.
  const axis = data.axes.find((a) => !a.archived)!;
  for (const title of ['Objectif vide A', 'Objectif vide B']) await createObjective(harness.ctx, axis.id, { title });
  await page.goto('/#/plan');
  await expect(page.getByRole('heading', { level: 1, name: "Plan d'actions" })).toBeVisible();
  const menu = (t: string) => page.getByRole('button', { name: `Autres actions sur l’objectif « ${t} »` });
  await menu('Objectif vide A').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Supprimer l’objectif « Objectif vide A »' }).click();
  const confirm = page.getByRole('dialog');
  await confirm.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Objectif vide A')).toHaveCount(0);
  await expectFocusOn(page, menu('Objectif vide B'));
  await undoByKeyboard(page, 'Objectif vide A');
  await expectFocusOn(page, menu('Objectif vide A'));
});

test('meeting agenda: removing a point focuses the next point, the undo the restored point', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await harness.seedDemo();
  const meeting = harness.ctx.store.data.meetings.find((m) => !['held', 'validated', 'in_progress'].includes(m.status) && m.agenda.filter((i) => !i.notes).length >= 3)!;
  await harness.ctx.store.update((d) => {
    const m = d.meetings.find((x) => x.id === meeting.id)!;
    for (const item of m.agenda) item.notes = '';
    m.decisions = [];
  });
  const [first, second, third] = harness.ctx.store.data.meetings.find((m) => m.id === meeting.id)!.agenda;
  await page.goto(`/#/reunions/${meeting.id}`);
  await expect(page.getByRole('heading', { level: 1, name: meeting.title })).toBeVisible();
  const del = (t: string) => page.getByRole('button', { name: `Supprimer « ${t} »`, exact: true });

  await deleteByKeyboard(page, del(second.title));
  await expect(del(second.title)).toHaveCount(0);
  await expectFocusOn(page, del(third.title));
  await undoByKeyboard(page, second.title);
  await expectFocusOn(page, del(second.title));
  // The first point: « Monter » is disabled on it only, the ranks still match.
  await deleteByKeyboard(page, del(first.title));
  await expectFocusOn(page, del(second.title));
});

test('other disappearances: a dialog opened from a menu, a status button used up, the end of a séance', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await harness.seedDemo();
  const vault = new Vault(harness.dataDir);
  await vault.create('valmont-demo');
  harness.ctx.vault = vault;
  await seedDemoRegister(harness.ctx);

  // Fiche action: « Déplacer l’action » is chosen in the « Autres actions » menu (gone once chosen): after the move,
  // the focus is back on « Autres actions », not on <body>.
  const action = harness.ctx.store.data.actions.find((a) => a.objectiveId && !a.archived)!;
  await page.goto(`/#/plan/actions/${action.id}`);
  const more = page.getByRole('button', { name: 'Autres actions', exact: true });
  await more.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Déplacer l’action' }).click();
  const move = page.getByRole('dialog', { name: 'Déplacer l’action' });
  await move.getByLabel('Objectif', { exact: true }).click();
  await page.getByRole('option').filter({ hasNotText: harness.ctx.store.data.objectives.find((o) => o.id === action.objectiveId)!.title }).first().click();
  await move.getByRole('button', { name: 'Déplacer l’action' }).click();
  await expect(move).toBeHidden();
  await expect.poll(() => harness.ctx.store.data.actions.find((a) => a.id === action.id)!.objectiveId).not.toBe(action.objectiveId);
  await expectFocusOn(page, more);

  // A situation: « Passer en suivi » goes once used — its neighbour « Clore la situation » takes the focus; closing
  // through the dialog leaves it on « Rouvrir », which replaced « Clore ».
  const open = vault.read().situations.find((s) => s.status === 'open')!;
  await page.goto(`/#/registre/${open.id}`);
  await page.getByRole('button', { name: 'Passer en suivi' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Passer en suivi' })).toHaveCount(0);
  await expectFocusOn(page, page.getByRole('button', { name: 'Clore la situation' }));
  await page.keyboard.press('Enter');
  const closing = page.getByRole('dialog');
  await closing.getByLabel(/^Motif de clôture/).click();
  await page.getByRole('option').first().click();
  await closing.getByRole('button', { name: 'Clore la situation' }).click();
  await expect(closing).toBeHidden();
  await expect.poll(() => vault.read().situations.find((s) => s.id === open.id)!.status).toBe('closed');
  await expectFocusOn(page, page.getByRole('button', { name: 'Rouvrir' }));

  // Ending a séance (Ctrl+Maj+F): the meeting page's heading holds the focus.
  const meeting = harness.ctx.store.data.meetings.find((m) => m.status === 'draft' || m.status === 'convened')!;
  await page.goto(`/#/reunions/${meeting.id}`);
  await page.getByRole('button', { name: /^Démarrer la séance/ }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Terminer la séance/ })).toBeVisible();
  await page.keyboard.press('Control+Shift+F');
  await page.getByRole('dialog').getByRole('button', { name: /^Terminer la séance/ }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => harness.ctx.store.data.meetings.find((m) => m.id === meeting.id)!.status).toBe('held');
  await expectFocusOn(page, page.getByRole('heading', { level: 1, name: meeting.title }));
});
