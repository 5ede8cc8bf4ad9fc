/** `npm run cloud:smoke`: each function's WeChat open APIs, tried after a deploy (smoke-run.ts). */
import { main } from './smoke-run';
import { loadEnv } from './env-file';

void main(process.argv.slice(2), loadEnv()).then((code) => {
  process.exitCode = code;
});
