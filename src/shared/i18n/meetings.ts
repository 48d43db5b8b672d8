// French catalogue: words of the meetings domain (screens and documents).
export const meetings = {};
