// French catalogue: words of the directory (partner institutions and contacts).
export const directory = {};
