// Imported first by the renderer entry: zod must not probe `new Function` (forbidden by the app's CSP, reported as a violation).
import { config } from 'zod';

config({ jitless: true });
