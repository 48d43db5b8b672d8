// Recovery of the fonts shared by every PDF of the process: a generation that fails inside the font code retries on freshly parsed faces.
import { DomainError } from '../../../shared/result';
import { logError } from '../../log';
import { clearSharedLayouts } from './layout-cache';
import { resetFontCache } from './fonts';

/**
 * Runs `render` (one PDF). The parsed DejaVu faces and their layout caches are shared by every document of the
 * process (parsing costs ~1.5 s); fontkit decodes their tables lazily, so a generation interrupted inside fontkit
 * (found by the channel fuzzer: « type.decode is not a function », « reading 'splice' » for every later PDF) can
 * leave them half-decoded. Any failure other than a French refusal therefore drops the shared font state and
 * renders once more on fresh faces; a second failure is a real one and is passed on.
 */
export async function withFontRecovery<T>(render: () => Promise<T>): Promise<T> {
  try {
    return await render();
  } catch (e) {
    if (e instanceof DomainError) throw e;
    logError('documents.fontsReset', { reason: (e as Error)?.message ?? String(e) });
    resetFontCache();
    clearSharedLayouts();
    return render();
  }
}
