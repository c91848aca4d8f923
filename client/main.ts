// Entry point: styles, the app module, then a strict-DI bootstrap (catches missing $inject early).
import angular from 'angular';
// In CSP mode (ng-csp in index.html) AngularJS does not inject its own styles (ng-hide...): they come from here.
import 'angular/angular-csp.css';
import './styles.css';
import appModule from './app/app.module';

// eslint-disable-next-line angular/document-service -- before bootstrap there is no $document yet
angular.element(() => angular.bootstrap(document.body, [appModule], { strictDi: true }));
