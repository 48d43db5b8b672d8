// French catalogue: words of the sharing domain (screens and documents).
export const sharing = {};
