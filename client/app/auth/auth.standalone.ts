// The entry of the built library (npm run build:lib): the module, plus the checks a page that loads it
// by <script> tag, or a bundle beside the page's own AngularJS, needs. An app that bundles the folder
// with webpack imports auth.module.ts directly: its imports already guarantee what these check.
import angular from 'angular';
import authModule from './auth.module';
import { angularLoadedTwice, missingPeer } from './load-checks';

const problem = missingPeer(angular, window);
const twice = angularLoadedTwice(document);

if (twice) console.warn(twice);
if (problem) {
  console.error(problem);
  // Registered again without the missing libraries, so that the app's bootstrap fails with this
  // reason and fix instead of "Module 'auth0.auth0' is not available!".
  const refuse = () => {
    throw new Error(problem);
  };
  angular.module(authModule, []).config(refuse);
}

export default authModule;
export * from './auth.module';
