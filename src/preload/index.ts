// Preload: exposes window.api built from the IPC contract (filled in by the secure shell work).
export {};
