// Constants shared by the crash-test writer (child process) and the crash test (parent).

/** The writer keeps the organisations of its last WINDOW writes, so the parent can spot a mixed document. */
export const WINDOW = 40;
