// Builds the AngularJS client. The client's configuration is read from the same environment / .env
// as the API and the dev tenant (config/load-config.ts) and injected at build time as one constant,
// __AUTH_CONFIG__, so client and API can never disagree about the tenant or the audience.
require('tsx/cjs'); // lets this CommonJS file load the TypeScript configuration module
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');
const { clientConfig, loadDotEnv, loadConfigOrExit } = require('./config/load-config.ts');
const { contentSecurityPolicy, securityHeaders } = require('./client/security-headers.ts');
const { codeFlowBuild } = require('./dev/build/code-flow-build.js');

const moduleRules = [
  {
    test: /\.ts$/,
    loader: 'ts-loader',
    options: { transpileOnly: true, configFile: path.resolve(__dirname, 'client/tsconfig.json') },
  },
  // Component templates are inlined as strings (no template request at run time), whitespace collapsed.
  {
    test: /\.html$/,
    include: path.resolve(__dirname, 'client/app'),
    type: 'asset/source',
    use: path.resolve(__dirname, 'dev/build/collapse-whitespace-loader.js'),
  },
];

/**
 * angular-auth0's dist file reads the global `auth0`; `angular` must NOT be provided this way (circular).
 * auth0-js's default export is the object the global would be ({ WebAuth, Authentication, ... }): taking
 * it rather than the module's namespace spares webpack a namespace object.
 */
const provideAuth0 = () => new webpack.ProvidePlugin({ auth0: ['auth0-js', 'default'] });

module.exports = (_env, argv) => {
  loadDotEnv();
  const config = loadConfigOrExit();
  const production = argv.mode !== 'development';
  const publicPath = '/'; // deep links (/profile, /callback) must still load /main.js
  const flow = codeFlowBuild(config, publicPath);
  const baked = { ...clientConfig(config), ...flow.baked };
  if (production) {
    // The configuration is baked into the bundle: say which, so a build for the wrong tenant shows.
    const how = config.authFlow === 'code' ? `the code flow, tokens in ${config.authCache}` : 'the implicit flow';
    console.log(
      `Building for tenant ${baked.domain} (client ${baked.clientID}, audience ${baked.audience}, ${how}), API at ${baked.apiOrigin}`,
    );
    // The policy names the tenant and the API, so a static host's headers depend on the build too.
    console.log('Serve it with these headers (README, "Serving dist/"):');
    for (const [name, value] of Object.entries(securityHeaders(contentSecurityPolicy(baked))))
      console.log(`  ${name}: ${value}`);
  }
  // The build's policy (client/security-headers.ts); the dev server adds only its live-reload websocket.
  const devHeaders = securityHeaders(
    contentSecurityPolicy({ ...baked, liveReload: `ws://localhost:${config.appPort}` }),
  );
  return {
    mode: production ? 'production' : 'development',
    // The app's code is ES2020 already (client/tsconfig.json): webpack's own runtime may be too.
    target: ['web', 'es2020'],
    entry: { main: './client/main.ts' },
    output: {
      path: path.resolve(__dirname, 'dist'), // `webpack --output-path <dir>` overrides this
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath,
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      // Production: AngularJS's own minified build (client/angular-production.js says why).
      alias: production ? { angular$: path.resolve(__dirname, 'client/angular-production.js') } : {},
    },
    module: {
      rules: [
        ...moduleRules,
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
        // @uirouter/core's modules only declare (its package.json does not say so): marked, the modules
        // no import reaches are left out, its vanilla location services (ui-router for AngularJS uses
        // $location), about 1.4 KiB gzip.
        { test: /[\\/]node_modules[\\/]@uirouter[\\/]core[\\/]lib-esm[\\/]/, sideEffects: false },
      ],
    },
    plugins: [
      provideAuth0(),
      ...flow.plugins,
      new webpack.DefinePlugin({
        __AUTH_CONFIG__: JSON.stringify(baked),
        __DEV_TENANT__: JSON.stringify(config.useDevTenant),
      }),
      new MiniCssExtractPlugin({ filename: production ? '[name].[contenthash:8].css' : '[name].css' }),
      new HtmlWebpackPlugin({
        template: './client/index.html',
        scriptLoading: 'defer',
        // A static host may send no header at all: the build carries the policy itself (the host
        // must still send frame-ancestors and the other headers: README, "Serving dist/").
        meta: production
          ? {
              csp: {
                'http-equiv': 'Content-Security-Policy',
                content: contentSecurityPolicy(baked, { forMeta: true }),
              },
            }
          : {},
      }),
    ],
    // One chunk: deterministic module ids would keep no other chunk's hash stable, and the shortest
    // ids cost less.
    optimization: { moduleIds: production ? 'size' : 'named' },
    // No eval-based source maps: the dev server sends the same policy as production, which refuses eval.
    devtool: production ? false : 'cheap-module-source-map',
    performance: { hints: production ? 'warning' : false, maxEntrypointSize: 600 * 1024, maxAssetSize: 600 * 1024 },
    stats: production ? 'normal' : 'errors-warnings',
    infrastructureLogging: { level: 'warn' }, // quiet dev server; the start script prints the URLs
    devServer: {
      host: 'localhost',
      port: config.appPort,
      historyApiFallback: true, // html5Mode: /profile, /callback... all serve index.html
      open: false,
      hot: false,
      liveReload: true,
      client: { logging: 'warn', overlay: { errors: true, warnings: false } },
      headers: devHeaders, // on every answer, the history fallback's index.html included
      setupMiddlewares: (middlewares, devServer) => {
        devServer.app?.disable('x-powered-by'); // the dev server is an Express app
        return middlewares;
      },
    },
  };
};

// karma.conf.js compiles the specs with these two, so that specs and app cannot be built differently.
module.exports.moduleRules = moduleRules;
module.exports.provideAuth0 = provideAuth0;
