import angular from 'angular';
import uiRouter from '@uirouter/angularjs';
import authModule from './auth/auth.module';
import navModule from './common/nav/nav.module';
import homeModule from './home/home.module';
import callbackModule from './callback/callback.module';
import profileModule from './profile/profile.module';
import managementLabModule from './management-lab/management-lab.module';
import apiModule from './api/api.module';
import adminModule from './admin/admin.module';
import tokenModule from './token/token.module';
import { appConfig } from './app.config';

export default angular
  .module('qs.app', [
    uiRouter,
    authModule,
    navModule,
    homeModule,
    callbackModule,
    profileModule,
    managementLabModule,
    apiModule,
    adminModule,
    tokenModule,
  ])
  // Where app code sends API requests. The auth module gets the same origin through configure().
  .constant('apiOrigin', __AUTH_CONFIG__.apiOrigin)
  // Whether the tenant is the embedded dev tenant: its demo users are shown only then.
  .constant('devTenant', __DEV_TENANT__)
  .config(appConfig).name;
