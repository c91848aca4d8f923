import angular from 'angular';
import uiRouter from '@uirouter/angularjs';
import authModule from './auth/auth.module';
import { appConfig } from './app.config';
import { NAV_MODULE } from './common/nav/nav.module';
import { HOME_MODULE } from './home/home.module';
import { CALLBACK_MODULE } from './callback/callback.module';
import { PROFILE_MODULE } from './profile/profile.module';
import { API_MODULE } from './api/api.module';
import { ADMIN_MODULE } from './admin/admin.module';
import { TOKEN_MODULE } from './token/token.module';

export const APP_MODULE = 'qs.app';

angular
  .module(APP_MODULE, [
    uiRouter,
    authModule,
    NAV_MODULE,
    HOME_MODULE,
    CALLBACK_MODULE,
    PROFILE_MODULE,
    API_MODULE,
    ADMIN_MODULE,
    TOKEN_MODULE,
  ])
  .config(appConfig);
