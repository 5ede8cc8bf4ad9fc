export { startEmulator, DEFAULT_H5_DIR, type Emulator, type EmulatorOptions } from './controller';
export { buildFunctions, functionNames, type BuiltFunction } from './functions/build';
export type { RemoteDataPlane } from './functions/host';
