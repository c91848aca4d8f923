// What `import angular from 'angular'` resolves to in a production build (webpack.config.js): AngularJS's
// own minified file, which its authors build with the Closure Compiler, rather than angular.js through
// terser: the same code, about 3 KiB gzip smaller. Like angular's index.js, it sets the global and
// exports it. Development builds and the Karma specs keep angular.js, with its full error messages.
import type ng from 'angular';
import 'angular/angular.min.js';

export default (window as unknown as { angular: typeof ng }).angular;
