// Taro 4.2.1 lists native bindings for macOS, Windows and linux-arm64 that the registry
// reachable here does not serve (404), so npm leaves them out of package-lock.json and
// `npm ci` then refuses the lock as out of sync. This adds lock entries for them, marked
// optional with their os/cpu, so npm ci skips them on linux-x64 without fetching anything.
// Run after any `npm install` that rewrites the lock: node scripts/lock-platform-stubs.js
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const stubs = {
  '@tarojs/binding-darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  '@tarojs/binding-darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  '@tarojs/binding-linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  '@tarojs/binding-win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};
const binding = lock.packages['node_modules/@tarojs/binding'];
let added = 0;
for (const [name, platform] of Object.entries(stubs)) {
  const key = `node_modules/${name}`;
  if (lock.packages[key] || !binding?.optionalDependencies?.[name]) continue;
  lock.packages[key] = { version: binding.optionalDependencies[name], dev: true, optional: true, ...platform };
  added += 1;
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock: ${added} platform stub(s) added`);
