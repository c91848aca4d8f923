// Which browsers npm test, Karma and the e2e run in (testing/browsers.ts): never a silent skip.
import { chooseBrowsers } from '../../testing/browsers';

// `process.execPath` (node) stands for an installed browser binary: an executable file.
const installed = process.execPath;
const absent = '/nonexistent/browser';

describe('npm test: the browsers', () => {
  it('runs both when both are installed', () => {
    const choice = chooseBrowsers({ CHROME_BIN: installed, FIREFOX_BIN: installed });
    expect(choice).toEqual({ run: ['chromium', 'firefox'], skipped: [], excluded: [] });
  });

  it('outside CI, skips an absent browser with a line saying where it looked and how to install it', () => {
    const choice = chooseBrowsers({ CHROME_BIN: installed, FIREFOX_BIN: absent });
    expect(choice.run).toEqual(['chromium']);
    expect(choice.skipped).toEqual([
      `Firefox skipped: Firefox is not installed at ${absent} (sudo apt-get install firefox-esr, or set FIREFOX_BIN).`,
    ]);
  });

  it('in CI, refuses to run without a browser, naming it', () => {
    expect(() => chooseBrowsers({ CI: 'true', CHROME_BIN: absent, FIREFOX_BIN: installed })).toThrowError(
      /^CI runs every test in both browsers: Chromium is not installed at \/nonexistent\/browser \(sudo apt-get install chromium/,
    );
  });

  it('TEST_BROWSERS narrows the run, and says what it left out', () => {
    const choice = chooseBrowsers({ TEST_BROWSERS: 'Firefox', CHROME_BIN: installed, FIREFOX_BIN: installed });
    expect(choice.run).toEqual(['firefox']);
    expect(choice.excluded).toEqual(['Chromium not run: TEST_BROWSERS=Firefox.']);
  });

  it('refuses a TEST_BROWSERS it does not understand', () => {
    expect(() => chooseBrowsers({ TEST_BROWSERS: 'chrome' })).toThrowError(
      'TEST_BROWSERS="chrome": name chromium and/or firefox, comma-separated.',
    );
  });
});
