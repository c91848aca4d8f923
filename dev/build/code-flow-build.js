// What a build with AUTH_FLOW=code changes (webpack.config.js): the auth module's selected flow is
// the code flow's, and with AUTH_CACHE=memory auth0-spa-js's worker (which holds the refresh token)
// is served by the app itself, content-hashed beside the bundle, so the Content-Security-Policy
// allows it from 'self' instead of blob:.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');

const AUTH_DIR = path.resolve(__dirname, '..', '..', 'client', 'app', 'auth');
const WORKER = require.resolve('@auth0/auth0-spa-js/dist/auth0-spa-js.worker.production.js');

/** `./selected-flow`, imported by the auth module, becomes `./selected-flow.code`. */
const selectCodeFlow = () =>
  new webpack.NormalModuleReplacementPlugin(/^\.\/selected-flow$/, (resource) => {
    if (path.resolve(resource.context) === AUTH_DIR) resource.request = './selected-flow.code';
  });

/** The worker's file name in the build, and the plugin that writes it there (the dev server serves it too). */
function spaWorker() {
  const content = readFileSync(WORKER);
  const file = `auth0-spa-js.worker.${createHash('sha256').update(content).digest('hex').slice(0, 8)}.js`;
  const plugin = {
    apply(compiler) {
      compiler.hooks.thisCompilation.tap('SpaWorker', (compilation) => {
        compilation.fileDependencies.add(WORKER);
        compilation.hooks.processAssets.tap(
          { name: 'SpaWorker', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
          () => compilation.emitAsset(file, new webpack.sources.RawSource(content)),
        );
      });
    },
  };
  return { file, plugin };
}

/** The plugins of the flow's build, and what the app's configuration gets (the worker's URL). */
function codeFlowBuild(config, publicPath) {
  if (config.authFlow !== 'code') return { plugins: [], baked: {} };
  if (config.authCache !== 'memory') return { plugins: [selectCodeFlow()], baked: {} };
  const worker = spaWorker();
  return { plugins: [selectCodeFlow(), worker.plugin], baked: { workerUrl: `${publicPath}${worker.file}` } };
}

module.exports = { codeFlowBuild };
