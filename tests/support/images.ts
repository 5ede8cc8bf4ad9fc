/**
 * Image bytes for tests: a real 1×1 PNG (the functions check what an upload's bytes are), and
 * the same image carrying the marker that makes the emulator's image check refuse it.
 */
import { RISKY_IMAGE_MARKER } from '../../emulator/wechat/operations';
import { PIXEL_PNG } from '../../cloudfunctions/_shared/smoke';


/** A valid PNG; `note` is carried after its end, so two images can differ. */
export function pngBytes(note = ''): Buffer {
  return Buffer.concat([PIXEL_PNG, Buffer.from(note)]);
}

/** A valid PNG the emulator's image check answers as risky (87014). */
export function riskyPngBytes(): Buffer {
  return pngBytes(RISKY_IMAGE_MARKER);
}
