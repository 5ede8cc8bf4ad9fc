/**
 * Fallback photo upload (TypeScript, Jest, platforms without their own file): HTTP to the
 * emulator. Taro picks `upload.weapp.ts` / `upload.h5.ts` over this file at build time.
 */
import { httpUpload } from './upload-http';

export { photoCloudPath } from './upload-types';
export const uploadFile = httpUpload;
