import puppeteer from 'puppeteer-core';
import { executablePath, type BrowserName } from '../../testing/browsers';
import { E2eBrowser } from './driver/e2e-browser';

export interface LaunchOptions {
  /** Firefox preferences on top of puppeteer's (e.g. a cookie policy a scenario measures); Firefox only. */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

// Both browsers see the app as a desktop window, as the scenarios were written for.
const defaultViewport = { width: 1280, height: 720 };

/**
 * Debian's Chromium or Firefox ESR; nothing is downloaded. Chromium's flags keep it off the (closed)
 * network and let it run as root; puppeteer's Firefox profile already keeps Firefox off the network.
 */
export async function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<E2eBrowser> {
  if (name === 'firefox') {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: executablePath('firefox'),
      headless: true,
      defaultViewport,
      extraPrefsFirefox: options.firefoxPrefs,
    });
    return new E2eBrowser(name, browser);
  }
  const browser = await puppeteer.launch({
    executablePath: executablePath('chromium'),
    headless: true,
    defaultViewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return new E2eBrowser(name, browser);
}
