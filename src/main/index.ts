// Composition root of the Electron main process (filled in by the secure shell work).
export {};
