// French catalogue: words of the documents domain (screens and documents).
export const documents = {};
