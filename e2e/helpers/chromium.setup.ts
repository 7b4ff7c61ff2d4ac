/**
 * Runs before the projects that drive a browser (ui, hosting): with no Chromium at the configured path they
 * fail here, saying what to install, instead of each test failing on a launch error (or being skipped).
 */
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CHROMIUM } from '../../playwright.config';
import { installHint } from './tools';

test('Chromium is installed for the browser tests', () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing. ${installHint('chromium')}; or set CHROMIUM_PATH to a Chromium binary`).toBe(true);
});
