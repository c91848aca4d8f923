// Log In, Log Out, who is logged in, and the auth module's one line about the last failure.
(function () {
  'use strict';

  angular.module('exampleApp').controller('NavController', NavController);

  NavController.$inject = ['auth'];
  function NavController(auth) {
    this.auth = auth;
    this.name = function () {
      var claims = auth.getClaims() || {};
      return claims.name || claims.email || claims.sub;
    };
  }
})();
