/** Reading a scanned 三会一课 sign-in code (a module of its own: a page file exports only its component in the weapp build). */
import { sceneForPage } from '@/lib/scan';

/** The token in a scanned meeting sign-in code, or null for any other code. */
export const sceneFromScan = (scan: { path?: string; result?: string }): string | null => sceneForPage(scan, 'meeting-signin');
