// Constants shared by the crash-test writer (child process) and the crash test (parent).

/** The writer keeps the organisations of its last WINDOW writes, so the parent can spot a mixed document. */
export const WINDOW = 40;

/** Every BACKUP_EVERY-th write is preceded by a complete backup into backups/. */
export const BACKUP_EVERY = 4;
/** Every ARCHIVE_EVERY-th write closes a period: archive file first, then the live file referencing it. */
export const ARCHIVE_EVERY = 3;
/** Every IMPORT_EVERY-th write is an import: a backup tagged "import", then five partners added in the same write. */
export const IMPORT_EVERY = 5;
