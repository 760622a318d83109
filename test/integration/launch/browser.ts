// Headless Debian Chromium driven by playwright-core (no browser download needed).
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { step } from './common.js';
import { ensureDebianPackages } from './install.js';

const CHROMIUM = process.env.PLAN_LENS_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that worked as root in this sandbox; the networking ones avoid a flood of refused connections. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) await ensureDebianPackages(['chromium'], 'the browser that shows the workbench');
  step(`launching headless ${CHROMIUM}`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}
