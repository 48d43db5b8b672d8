// French catalogue: the words that follow the council's kind (commune and maire for a CLSPD, EPCI and its president for a CISPD).
export const council = {
  communal: {
    presidentTitle: 'Maire',
    presidentInSentence: 'le maire',
    signature: (acronym: string) => `Le Maire, président du ${acronym}`,
    header: (name: string) => `Ville de ${name}`,
    address: 'Adresse de la mairie',
    commune: 'Commune',
    arrete: 'maire',
  },
  intercommunal: {
    presidentTitle: 'Président de l’EPCI',
    presidentInSentence: 'le président de l’EPCI',
    signature: (acronym: string) => `Le Président de l’EPCI, président du ${acronym}`,
    header: (name: string) => name,
    address: 'Adresse du siège de l’EPCI',
    commune: 'Intercommunalité (EPCI)',
    arrete: 'président de l’EPCI',
  },
};
