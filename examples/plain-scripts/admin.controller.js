// A page for users granted write:messages: a reader is sent back with the reason in #authError.
(function () {
  'use strict';

  angular.module('exampleApp').controller('AdminController', AdminController);

  AdminController.$inject = ['auth'];
  function AdminController(auth) {
    this.scopes = auth.grantedScopes().join(' ');
  }
})();
