// The real-browser tests need Debian's Chromium (/usr/bin/chromium, or $CHROMIUM). On a fresh
// machine where we are root, install it with apt-get; otherwise explain what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log(`${path} is missing: installing Debian's chromium with apt-get...`);
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
  }
  if (!existsSync(path)) {
    console.error(
      `${path} is missing. Install Debian's Chromium: sudo apt-get install -y chromium (or set CHROMIUM=/path/to/chromium).`,
    );
    process.exit(1);
  }
}
