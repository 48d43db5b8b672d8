// French catalogue: words of the strategy domain (screens and documents).
export const strategy = {};
