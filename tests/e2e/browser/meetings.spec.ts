// Browser E2E of meetings: a new cellule de veille, a meeting from a template, the live séance (check-in, notes, decision, action), its end, the plan and the next meeting's follow-up.
import { expect, test } from './harness';

test('cellule de veille: prepare, run live, end, follow-up in the next meeting', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await harness.seedDemo();
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByText('Instances').click();
  await expect(page.getByRole('heading', { name: 'Instances' })).toBeVisible();
  await harness.screenshot(page, '40-instances');

  // « Nouvelle cellule » from a theme and a few partners.
  await page.getByRole('button', { name: 'Nouvelle cellule' }).first().click();
  const cellDialog = page.getByRole('dialog');
  await cellDialog.getByLabel('Thème de la cellule').fill('Rixes entre jeunes');
  const members = cellDialog.getByRole('combobox', { name: 'Membres' });
  for (const who of ['Dubreuil', 'Haddad', 'Benali']) {
    await members.fill(who);
    await page.getByRole('option', { name: new RegExp(who) }).first().click();
  }
  await cellDialog.getByLabel('Charte signée le (facultatif)', { exact: true }).fill('15/01/2026');
  await harness.screenshot(page, '41-nouvelle-cellule');
  await cellDialog.getByRole('button', { name: 'Créer la cellule' }).click();
  await expect(page.getByRole('heading', { name: 'Cellule de veille — Rixes entre jeunes' })).toBeVisible();
  const cell = harness.ctx.store.data.instances.find((i) => i.theme === 'Rixes entre jeunes')!;
  expect(cell.confidentiality).toBe('confidential');
  expect(harness.ctx.store.data.memberships.filter((m) => m.instanceId === cell.id)).toHaveLength(3);
  await harness.screenshot(page, '42-instance-cellule');

  // A meeting prepared from the cellule template.
  await page.getByRole('button', { name: 'Nouvelle réunion' }).click();
  const mDialog = page.getByRole('dialog');
  await expect(mDialog.getByLabel('Ordre du jour', { exact: true })).toHaveValue(/Modèle cellule de veille/);
  await mDialog.getByLabel('Intitulé').fill('Cellule rixes — première réunion');
  await mDialog.getByLabel('Date', { exact: true }).fill('04/12/2026');
  await mDialog.getByLabel('Heure de début').fill('09:30');
  await mDialog.getByLabel('Heure de fin prévue').fill('11:00');
  await mDialog.getByRole('button', { name: 'Créer la réunion' }).click();
  await expect(page.getByRole('heading', { name: 'Cellule rixes — première réunion' })).toBeVisible();
  await expect(page.getByText('Revue des situations suivies (par n° de situation, sans nom)')).toBeVisible();

  // Agenda builder: an item with no title is refused, then added and moved up by keyboard.
  await page.getByRole('button', { name: 'Ajouter un point' }).click();
  const itemDialog = page.getByRole('dialog');
  await itemDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(itemDialog.getByText('Donnez un titre à ce point de l’ordre du jour.')).toBeVisible();
  await itemDialog.getByLabel('Titre du point').fill('Point sur le centre commercial');
  await itemDialog.getByLabel('Durée (min)').fill('20');
  await itemDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Point sur le centre commercial')).toBeVisible();
  await page.getByRole('button', { name: 'Monter « Point sur le centre commercial »' }).click();
  await expect(page.getByTestId('agenda-total')).toContainText('dépasse la fin prévue');
  const meeting = harness.ctx.store.data.meetings.find((m) => m.title === 'Cellule rixes — première réunion')!;
  expect(meeting.agenda.at(-2)!.title).toBe('Point sur le centre commercial');
  // Keyboard reorder from the drag handle: Alt+↑.
  await page.getByRole('button', { name: /^Déplacer « Point sur le centre commercial »/ }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => harness.ctx.store.data.meetings.find((m) => m.id === meeting.id)!.agenda.at(-3)!.title).toBe('Point sur le centre commercial');
  // Removing a point asks first and can be undone: the point comes back at its place, with its duration.
  const agendaIds = () => harness.ctx.store.data.meetings.find((m) => m.id === meeting.id)!.agenda.map((i) => i.id);
  const order = agendaIds();
  const removed = harness.ctx.store.data.meetings.find((m) => m.id === meeting.id)!.agenda.find((i) => i.title === 'Point sur le centre commercial')!;
  await page.getByRole('button', { name: 'Supprimer « Point sur le centre commercial »' }).click();
  const confirmRemove = page.getByRole('dialog');
  await expect(confirmRemove.getByText('Le point « Point sur le centre commercial » sera retiré de l’ordre du jour.', { exact: false })).toBeVisible();
  await confirmRemove.getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByText('Point « Point sur le centre commercial » retiré.')).toBeVisible();
  await expect.poll(agendaIds).toEqual(order.filter((id) => id !== removed.id));
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await expect.poll(agendaIds).toEqual(order);
  await expect(page.getByRole('button', { name: /^Déplacer « Point sur le centre commercial »/ })).toBeVisible();
  await expect(page.getByTestId('agenda-total')).toContainText('dépasse la fin prévue');
  await harness.screenshot(page, '43-reunion-preparation');

  await page.getByRole('tab', { name: '2. Invitations et présence' }).click();
  await expect(page.getByRole('table', { name: 'Invités' })).toBeVisible();
  await harness.screenshot(page, '44-reunion-invitations');

  // Live séance.
  await page.getByRole('button', { name: 'Démarrer la séance' }).first().click();
  await expect(page.getByTestId('confidential-banner')).toBeVisible();
  await expect(page.getByText('N’écrivez aucun nom : utilisez une référence de situation.').first()).toBeVisible();
  // Check-in from the keyboard.
  await page.keyboard.press('Control+p');
  await expect(page.getByLabel('Pointer une personne (Ctrl+P)')).toBeFocused();
  await page.keyboard.type('Dubreuil');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Dubreuil.*Présent/, pressed: true })).toBeVisible();
  // Notes: typing never waits; the indicator says when it is on disk.
  await page.keyboard.press('Alt+ArrowDown');
  const notes = page.getByRole('textbox', { name: /^Notes — / });
  await notes.click();
  await page.getByRole('button', { name: /Insérer « situation n° … »/ }).click();
  await notes.pressSequentially('signalée par le collège, tensions à la sortie des cours.', { delay: 5 });
  await expect(page.getByTestId('notes-save-state')).toHaveText('Notes enregistrées');
  const current = harness.ctx.store.data.meetings.find((m) => m.id === meeting.id)!;
  const notedItem = current.agenda.find((i) => i.notes.includes('tensions à la sortie des cours'));
  expect(notedItem?.notes).toMatch(/^situation n° \d{4}-\d{3} signalée/);
  // A decision with Ctrl+D, recorded with Ctrl+Entrée.
  await page.keyboard.press('Control+d');
  const cap = page.getByRole('dialog');
  await cap.getByLabel('Ce qui est décidé').fill('Proposer une médiation aux deux groupes');
  await cap.getByRole('button', { name: 'Nouvelle référence' }).click();
  await expect(cap.getByLabel('Référence de situation')).toHaveValue(/\d{4}-\d{3}/);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Décision enregistrée.')).toBeVisible();
  // An action with a pilot and a due date, left « à classer ».
  await page.getByRole('button', { name: /^Action Ctrl/ }).click();
  const act = page.getByRole('dialog');
  await act.getByLabel('Ce qui sera fait').fill('Organiser une présence éducative au centre commercial le mercredi');
  await act.getByLabel('Pilote', { exact: true }).fill('Police municipale');
  await page.getByRole('option', { name: /Police municipale/ }).first().click();
  await act.getByLabel('Échéance', { exact: true }).fill('31/01/2027');
  await harness.screenshot(page, '45-seance-capture-action');
  await act.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/Action AC\.\d+ ajoutée au plan\./)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await harness.screenshot(page, '46-seance');
  await page.getByRole('button', { name: 'Raccourcis', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Raccourcis clavier de la séance' })).toBeVisible();
  await page.waitForTimeout(400); // let the dialog finish opening or closing
  await harness.screenshot(page, '47-seance-raccourcis');
  await page.keyboard.press('Escape');

  // The action is in the plan with a journal entry pointing to the meeting.
  const action = harness.ctx.store.data.actions.find((a) => a.title.startsWith('Organiser une présence éducative'))!;
  expect(action.objectiveId).toBeUndefined();
  expect(action.endDate).toBe('2027-01-31');
  expect(action.journal[0].meetingId).toBe(meeting.id);

  // End of the séance with the next meeting's date.
  await page.getByRole('button', { name: 'Terminer la séance' }).click();
  const endDialog = page.getByRole('dialog');
  await endDialog.getByLabel('Date de la prochaine réunion', { exact: true }).fill('08/01/2027');
  await endDialog.getByRole('button', { name: 'Terminer la séance' }).click();
  await expect(page.getByRole('heading', { name: 'Cellule rixes — première réunion' })).toBeVisible();
  await expect(page.getByText('Relevé de décisions')).toBeVisible();
  expect(harness.ctx.store.data.meetings.find((m) => m.id === meeting.id)).toMatchObject({ status: 'held', nextMeetingDate: '2027-01-08' });
  await harness.screenshot(page, '48-reunion-compte-rendu');

  // The action appears in the plan (fiche action from the minutes' link).
  await page.getByRole('link', { name: 'fiche action' }).first().click();
  await expect(page.getByText('Organiser une présence éducative au centre commercial le mercredi').first()).toBeVisible();
  await harness.screenshot(page, '49-action-dans-le-plan');

  // The next meeting's « Suivi des décisions » lists the open decision and the action.
  await page.goto(`/#/instances/${cell.id}`);
  await page.getByRole('button', { name: 'Nouvelle réunion' }).click();
  const next = page.getByRole('dialog');
  await next.getByLabel('Intitulé').fill('Cellule rixes — janvier');
  await next.getByLabel('Date', { exact: true }).fill('08/01/2027');
  await next.getByRole('button', { name: 'Créer la réunion' }).click();
  await expect(page.getByRole('heading', { name: 'Cellule rixes — janvier' })).toBeVisible();
  const followUp = page.getByTestId('followup-row');
  await expect(followUp).toHaveCount(2);
  await expect(followUp.filter({ hasText: 'Proposer une médiation aux deux groupes' })).toBeVisible();
  await expect(followUp.filter({ hasText: 'Organiser une présence éducative' })).toBeVisible();
  // Going through it updates the plan.
  await followUp.filter({ hasText: 'Organiser une présence éducative' }).getByLabel(/État de l’action/).click();
  await page.getByRole('option', { name: 'En cours' }).click();
  await expect.poll(() => harness.ctx.store.data.actions.find((a) => a.id === action.id)?.status).toBe('in_progress');
  await harness.screenshot(page, '50-suivi-des-decisions');

  // The first meeting's documents, then its minutes validated and locked.
  await page.goto(`/#/reunions/${meeting.id}?etape=documents`);
  await page.getByRole('button', { name: 'Préparer la feuille d’émargement' }).click();
  await expect(page.getByRole('button', { name: 'Enregistrer sous…' })).toBeVisible({ timeout: 30_000 });
  await harness.screenshot(page, '53-reunion-documents');
  await page.getByRole('tab', { name: '4. Compte rendu' }).click();
  await page.getByRole('button', { name: 'Valider le compte rendu' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Valider le compte rendu' }).click();
  await expect(page.getByText(/Compte rendu validé le .* : il est verrouillé\./)).toBeVisible();
  expect(harness.ctx.store.data.meetings.find((m) => m.id === meeting.id)?.status).toBe('validated');
  await page.waitForTimeout(400); // let the dialog finish opening or closing
  await harness.screenshot(page, '54-compte-rendu-valide');

  // Decisions log and meetings list.
  await nav.getByText('Réunions').click();
  await expect(page.getByRole('heading', { name: 'Réunions' })).toBeVisible();
  await harness.screenshot(page, '51-reunions');
  await page.getByRole('button', { name: 'Présence par structure' }).click();
  await expect(page.getByRole('dialog').getByRole('table')).toBeVisible();
  await page.waitForTimeout(400); // let the dialog finish opening or closing
  await harness.screenshot(page, '51b-presence-par-structure');
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Journal des décisions' }).click();
  await expect(page.getByRole('heading', { name: 'Journal des décisions' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Rechercher' }).fill('médiation aux deux');
  await expect(page.getByRole('table', { name: 'Journal des décisions' }).getByRole('row')).toHaveCount(2);
  await harness.screenshot(page, '52-journal-des-decisions');
});
