// Which files named by the data may be opened with the system: executable types never, network paths only after a confirmation.

/** Types that run code when opened (Windows, macOS, Linux). Compared in lower case, on the last extension. */
export const BLOCKED_EXTENSIONS: ReadonlySet<string> = new Set([
  'exe', 'msi', 'msp', 'bat', 'cmd', 'com', 'cpl', 'scr', 'pif', 'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'hta',
  'lnk', 'url', 'jar', 'reg', 'inf', 'appref-ms', 'application', 'gadget', 'msc', 'scf', 'sh', 'command', 'desktop', 'appimage',
  'app', 'pkg', 'dmg', 'run', 'py', 'pl', 'rb', 'workflow', 'action', 'terminal', 'tool',
]);

/**
 * The extension Windows or macOS would use to open the file: after the last separator, trailing dots and spaces
 * removed (Windows ignores them: « rapport.exe. » runs as .exe), lower case, without the dot. '' when none.
 */
export function lastExtension(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  const trimmed = name.replace(/[. ]+$/, '');
  const dot = trimmed.lastIndexOf('.');
  return dot <= 0 ? '' : trimmed.slice(dot + 1).toLowerCase();
}

/** True when opening this file could run a program (or when it is a folder such as an .app bundle). */
export function isBlockedToOpen(path: string): boolean {
  return BLOCKED_EXTENSIONS.has(lastExtension(path));
}

/**
 * A path on another computer: UNC (\\serveur\partage, //serveur/partage, \\?\UNC\…), a file: URL with a host, or a
 * Windows device path. Opening or reading such a path makes Windows send the user's credentials to that computer.
 */
export function isNetworkPath(path: string): boolean {
  const p = path.trim();
  if (/^[\\/]{2}/.test(p)) return true; // \\server\share, //server/share, \\?\UNC\, \\.\device
  if (/^file:/i.test(p)) return !/^file:\/\/\/[^/]/i.test(p) && !/^file:\/[^/]/i.test(p);
  return false;
}
