// French messages of the contract's basic fields (src/shared/fields.ts): one message per kind of field, addressed to the user.
const number = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

export const fields = {
  /** Something chosen in a list (an institution, an action…) that the application no longer recognises. */
  id: 'Cet élément n’est pas reconnu : choisissez-le de nouveau dans la liste.',
  date: 'La date n’est pas valide. Utilisez le format JJ/MM/AAAA.',
  dateTime: 'La date et l’heure ne sont pas valides.',
  time: 'L’heure n’est pas valide. Exemple : 14 h 30.',
  required: 'Ce champ est obligatoire : renseignez-le.',
  tooLong: (max: number) => `Ce champ dépasse ${number(max)} caractères : raccourcissez-le.`,
  email: 'L’adresse électronique n’est pas valide. Exemple : prenom.nom@ville.fr',
  amount: 'Le montant doit être un nombre entre 0 et 1 000 000 000 €.',
  progress: 'L’avancement doit être un nombre entre 0 et 100 %.',
  year: 'L’année doit être comprise entre 2000 et 2100.',
  listCode: 'Choisissez une valeur de la liste.',
  colour: 'La couleur doit être au format #RRGGBB.',
  number: 'Indiquez un nombre.',
};
