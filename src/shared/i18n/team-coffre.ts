// French catalogue: the coordinator's coffre in team mode (texts given back to the server, relevé produced on this computer).
const textes = (n: number) => (n === 1 ? '1 texte' : `${n} textes`);

export const teamCoffre = {
  /** Some texts of a meeting made public could not be given back to the server yet (`reason`: the server's refusal). */
  giveBackIncomplete: (remaining: number, reason: string) =>
    `La réunion n’est plus confidentielle, mais ${textes(remaining)} du coffre n’${remaining === 1 ? 'a' : 'ont'} pas pu être ${remaining === 1 ? 'rendu' : 'rendus'} au serveur de l’équipe (${reason}). Rien n’est perdu : ${remaining === 1 ? 'il reste' : 'ils restent'} dans le coffre de cet ordinateur et ${remaining === 1 ? 's’affiche' : 's’affichent'} sur la réunion ; ${remaining === 1 ? 'il sera renvoyé' : 'ils seront renvoyés'} automatiquement à la prochaine ouverture de la réunion, coffre déverrouillé.`,
  /** On the meeting page while texts wait in the coffre to be given back. */
  giveBackPending: (remaining: number) =>
    `${remaining === 1 ? 'Un texte' : `${remaining} textes`} de cette réunion, qui n’est plus confidentielle, ${remaining === 1 ? 'est' : 'sont'} encore dans le coffre de cet ordinateur : le serveur de l’équipe ${remaining === 1 ? 'l’a' : 'les a'} refusé${remaining === 1 ? '' : 's'} lors du renvoi. ${remaining === 1 ? 'Il s’affiche' : 'Ils s’affichent'} ici et ${remaining === 1 ? 'sera renvoyé' : 'seront renvoyés'} à la prochaine ouverture de la réunion ; rien n’est perdu.`,
  /** The server could not be asked for the meeting while giving its texts back. */
  giveBackUnreachable: 'le serveur ne répond pas',
  /** The relevé de décisions of a confidential meeting is made on this computer, with the coffre's texts. */
  minutesCoffreLocked:
    'Le relevé de décisions de cette réunion confidentielle est produit sur cet ordinateur avec les textes du coffre, que le serveur de l’équipe n’a pas. Déverrouillez le coffre avec votre phrase de passe, puis recommencez.',
};
