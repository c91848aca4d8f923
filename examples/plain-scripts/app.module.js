// The example app's module and routes: ngRoute in its default hashbang mode (#!/messages), and the
// auth module's guards in each protected route's `resolve`.
(function () {
  'use strict';

  angular.module('exampleApp', ['ngRoute', 'qs.auth']).config(routes);

  routes.$inject = ['$routeProvider', 'authProvider'];
  function routes($routeProvider, authProvider) {
    $routeProvider
      .when('/', { templateUrl: 'views/home.html' })
      .when('/messages', {
        templateUrl: 'views/messages.html',
        controller: 'MessagesController',
        controllerAs: '$ctrl',
        resolve: { session: authProvider.requireLogin() },
      })
      .when('/admin', {
        templateUrl: 'views/admin.html',
        controller: 'AdminController',
        controllerAs: '$ctrl',
        resolve: { session: authProvider.requireScope('write:messages') },
      })
      .otherwise('/');
  }
})();
