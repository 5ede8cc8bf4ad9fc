/** `npm run emulator`: the local CloudBase alone (database, storage, functions, WeChat fakes, dev sign-in). */
import { startEmulator } from '../emulator';
import { DATA_DIR, emulatorPort } from './lib';

async function main() {
  const emulator = await startEmulator({ port: emulatorPort(), dataDir: DATA_DIR });
  console.log(`Tongxin emulator ready (data in ${DATA_DIR})`);
  console.log(`  admin (SDK serviceUrl / TCB_CONTEXT_CNFG URL): ${emulator.adminUrl}`);
  console.log(`  functions:   ${emulator.origin}/functions/<name>   (${emulator.functions.names().join(', ')})`);
  console.log(`  dev sign-in: ${emulator.origin}/__/auth`);
  console.log(`  WeChat fakes: ${emulator.origin}/__/wechat/messages`);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
