// French catalogue: complete backups, restore, and the limits on hostile or oversized files (zip bombs, huge tables).

const mb = (bytes: number): string => `${(Math.round((bytes / 1048576) * 10) / 10).toLocaleString('fr-FR')} Mo`;
const n = (x: number): string => x.toLocaleString('fr-FR');

export const backup = {
  fileName: 'sauvegarde-complete-clspd',
  filterName: 'Sauvegarde Coordination CLSPD',
  nothingChanged: 'Rien n’a été modifié.',
  refused: (why: string) => `Restauration impossible : ${why}${/modifié\.?$/.test(why) ? '' : ' Rien n’a été modifié.'}`,
  notFound: (file: string) => `La sauvegarde ${file} est introuvable.`,
  empty: 'Le fichier de sauvegarde est vide.',
  tooLarge: (bytes: number, max: number) => `Le fichier pèse ${mb(bytes)}, au-delà de la taille d’une sauvegarde (${mb(max)} au plus).`,
  notABackup: 'Ce fichier n’est pas une sauvegarde de Coordination CLSPD (ni sauvegarde complète, ni fichier de données d’une version antérieure).',
  damaged: 'La sauvegarde est endommagée ou incomplète (fichier tronqué ou modifié) : elle ne peut pas être lue.',
  damagedEntry: (name: string) => `La sauvegarde est endommagée : le fichier « ${name} » qu’elle contient ne correspond pas à son empreinte (fichier modifié ou tronqué).`,
  missingEntry: (name: string) => `La sauvegarde est incomplète : le fichier « ${name} » annoncé dans son sommaire est absent.`,
  unexpectedEntry: (name: string) => `La sauvegarde contient un fichier inattendu (« ${name} ») : elle a pu être modifiée en dehors de l’application.`,
  newerFormat: (v: number) => `Cette sauvegarde a été créée par une version plus récente de l’application (format de sauvegarde ${v}) : mettez l’application à jour.`,
  badArchive: (name: string, detail: string) => `La période archivée « ${name} » de la sauvegarde n’est pas conforme (${detail}).`,
  missingArchive: (name: string) => `La sauvegarde ne contient pas le fichier de la période archivée « ${name} » : elle est incomplète.`,
  mainFile: 'clspd.json de la sauvegarde',
  restored: 'Sauvegarde restaurée.',
  movedAside: (path: string) => `Les données précédentes sont conservées dans ${path}.`,
  legacyMissingArchives: (names: string[]) =>
    `Cette sauvegarde d’une version antérieure ne contient pas les périodes archivées (${names.join(', ')}) : celles déjà présentes dans le dossier de données sont gardées, les autres restent introuvables.`,
  restoreFailed: (why: string) => `La restauration a échoué en cours d’écriture (${why}) : les données précédentes ont été remises en place. Rien n’a été modifié.`,
  hookFailed: (why: string) => `La sauvegarde est restaurée, mais le traitement qui suit la restauration a échoué (${why}).`,
  written: (path: string, files: number, bytes: number) => `Sauvegarde complète écrite : ${path} (${n(files)} fichier${files > 1 ? 's' : ''}, ${mb(bytes)}).`,
  contents: (archives: number, protectedFiles: number) =>
    `Elle contient les données actuelles${archives ? `, ${n(archives)} période${archives > 1 ? 's' : ''} archivée${archives > 1 ? 's' : ''}` : ''}${protectedFiles ? ' et le coffre des données protégées (toujours chiffré)' : ''}.`,
  archiveUnreadable: (name: string) => `Attention : le fichier de période archivée ${name} est absent ou illisible ; il n’est pas dans la sauvegarde.`,
  openFilterName: 'Sauvegarde ou données Coordination CLSPD',
  writtenUnreadable: 'La sauvegarde a été écrite mais ne peut pas être relue.',
  unknown: 'Cette sauvegarde est introuvable.',
  nothingToSave: 'Il n’y a encore aucune donnée à sauvegarder.',
  liveOnlyNotice:
    'Ce fichier ne contient que les données en cours, sans les périodes archivées ni le coffre des données protégées : ce n’est pas une sauvegarde complète. Pour sauvegarder, utilisez « clspd backup » ou « export json ».',
};

export const hostile = {
  zipBomb: (what: string, fileBytes: number, declaredBytes: number, maxBytes: number) =>
    `Ce ${what} de ${mb(fileBytes)} annonce ${mb(declaredBytes)} de contenu une fois décompressé, au-delà de la limite de ${mb(maxBytes)} : il n’a pas été ouvert, par prudence (fichier bien trop volumineux pour un import, ou piégé). Vérifiez qu’il s’agit du bon fichier.`,
  tooManyEntries: (what: string, entries: number, max: number) =>
    `Ce ${what} contient ${n(entries)} éléments internes (au plus ${n(max)} attendus) : il n’a pas été ouvert, par prudence. Vérifiez qu’il s’agit du bon fichier.`,
  lyingSizes: (what: string) =>
    `Ce ${what} est endommagé ou piégé : son contenu ne correspond pas aux tailles qu’il annonce. Il n’a pas été lu. Enregistrez-le de nouveau depuis Excel ou Word et recommencez.`,
  tooManyRows: (rows: number, max: number) =>
    `Ce fichier contient ${n(rows)} lignes ; un import en accepte au plus ${n(max)} à la fois. Vérifiez qu’il s’agit du bon fichier (un annuaire de partenaires ou un plan d’actions en compte d’ordinaire quelques centaines), ou découpez-le en plusieurs fichiers. Rien n’a été importé.`,
  nothingImported: 'Rien n’a été importé.',
  workbook: 'classeur',
  document: 'document',
  backupWhat: 'fichier de sauvegarde',
  progress: {
    reading: 'Lecture du fichier…',
    checking: 'Vérification du fichier…',
    parsing: (done: number, total: number) => `Lecture des lignes : ${n(done)} sur ${n(total)}…`,
    analysing: 'Comparaison avec vos données…',
  },
};
