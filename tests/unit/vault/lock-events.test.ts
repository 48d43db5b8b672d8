// The Electron edge locks the protected store on the session-lock and suspend events, and the idle timer after the delay.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installVaultLock } from '../../../src/main/app/vault-lock';

describe('installVaultLock', () => {
  it('locks on lock-screen and suspend, and stops listening when removed', () => {
    const monitor = new EventEmitter();
    const lock = vi.fn();
    const remove = installVaultLock(monitor as never, lock);
    monitor.emit('lock-screen');
    monitor.emit('suspend');
    expect(lock).toHaveBeenCalledTimes(2);
    remove();
    monitor.emit('lock-screen');
    expect(lock).toHaveBeenCalledTimes(2);
  });
});
