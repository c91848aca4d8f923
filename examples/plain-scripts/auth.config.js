// Paste here what `npm run dev-stack -- --app-origin <your app's origin>` prints. This is its block for
// http://localhost:8000; npm run example serves this file written for the ports it runs on.
(function () {
  'use strict';

  angular.module('exampleApp').config(configureAuth);

  configureAuth.$inject = ['authProvider'];
  function configureAuth(authProvider) {
    authProvider.configure({
      domain: 'http://localhost:3002',
      clientID: 'local-dev-spa',
      audience: 'https://quickstarts/api',
      scope: 'openid profile email read:messages write:messages manage:users',
      apiOrigin: 'http://localhost:3001',
      redirectUri: 'http://localhost:8000/',
    });
  }
})();
