// Client specs: Jasmine in headless Chromium and headless Firefox (Debian's chromium and firefox-esr;
// tools that download their own browser do not work offline), bundled by webpack with the app's own
// rules. TEST_BROWSERS narrows the browsers; an absent one is skipped with a line, except in CI.
require('tsx/cjs'); // lets this CommonJS file load the TypeScript configuration modules
const path = require('node:path');
const webpack = require('webpack');
const { moduleRules, provideAuth0 } = require('./webpack.config.js');
const { REQUESTED_SCOPE } = require('./config/load-config.ts');
const { chooseBrowsers, executablePath } = require('./testing/browsers.ts');

// The launchers read CHROME_BIN and FIREFOX_BIN.
process.env.CHROME_BIN = executablePath('chromium');
process.env.FIREFOX_BIN = executablePath('firefox');
const LAUNCHERS = { chromium: 'ChromiumHeadlessCI', firefox: 'FirefoxHeadless' };
const browsers = chooseBrowsers();
browsers.skipped.forEach((line) => console.log(`karma: ${line}`));
if (browsers.run.length === 0) {
  // Karma would wait forever for a browser to connect.
  console.log('karma: no browser to run the client specs in; skipped.');
  process.exit(0);
}

module.exports = (config) => {
  config.set({
    frameworks: ['jasmine', 'webpack'],
    files: [{ pattern: 'client/**/*.spec.ts', watched: false }],
    preprocessors: { 'client/**/*.spec.ts': ['webpack'] },
    // Chromium refuses to run a script served as video/mp2t, karma's default type for .ts.
    mime: { 'text/javascript': ['ts'] },
    webpack: {
      mode: 'development',
      devtool: 'inline-source-map',
      resolve: { extensions: ['.ts', '.js'] },
      module: { rules: moduleRules },
      plugins: [
        provideAuth0(),
        // The specs' configuration (client/test/helpers.ts TEST_OPTIONS): ports no test listens on,
        // and the scope the app requests.
        new webpack.DefinePlugin({
          __AUTH_CONFIG__: JSON.stringify({
            domain: 'http://localhost:3902',
            clientID: 'spec-client',
            audience: 'https://quickstarts/api',
            scope: REQUESTED_SCOPE,
            apiOrigin: 'http://localhost:3901',
          }),
        }),
      ],
      stats: 'errors-warnings',
    },
    webpackMiddleware: { stats: 'errors-warnings' },
    browsers: browsers.run.map((name) => LAUNCHERS[name]),
    customLaunchers: {
      ChromiumHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    },
    client: { jasmine: { random: true }, clearContext: false },
    // 'dots' prints each failure in full and ends with the summary line "Executed N of N (M FAILED)".
    reporters: ['dots'],
    colors: Boolean(process.stdout.isTTY),
    // Loopback only; karma probes upward from 9876 when the port is taken, so runs never collide.
    listenAddress: '127.0.0.1',
    hostname: '127.0.0.1',
    port: 9876,
    singleRun: true,
    autoWatch: false,
    browserNoActivityTimeout: 60000,
    basePath: path.resolve(__dirname),
  });
};
