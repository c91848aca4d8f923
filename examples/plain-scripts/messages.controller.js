// A page for logged-in users: a call to the API (the auth module adds the access token, since the URL
// is on the API's origin) and the app's own JSON file on its own host (which gets no token).
(function () {
  'use strict';

  angular.module('exampleApp').controller('MessagesController', MessagesController);

  MessagesController.$inject = ['$http', 'auth'];
  function MessagesController($http, auth) {
    var vm = this;
    vm.notes = [];
    vm.result = null;

    $http.get('data/notes.json').then(function (response) {
      vm.notes = response.data;
    });

    vm.callPrivate = function () {
      vm.result = { status: 'calling…' };
      $http.get(auth.apiOrigin + '/api/private').then(
        function (response) {
          vm.result = { ok: true, status: response.status, text: response.data.message };
        },
        function (response) {
          vm.result = { ok: false, status: response.status, text: explain(response) };
        },
      );
    };
  }

  /** The API's explained error ({ code, hint }), or, with no answer at all, the auth module's statusText. */
  function explain(response) {
    var body = response.data || {};
    if (response.status <= 0) return response.statusText || 'No answer from the API.';
    return [body.code || body.error, body.error_description, body.hint].filter(Boolean).join(': ');
  }
})();
