// What `import angular from 'angular'` resolves to in a production build (webpack.config.js): AngularJS's
// own minified file, which its authors build with the Closure Compiler, rather than angular.js through
// terser: the same code, about 3 KiB gzip smaller. Development builds and the Karma specs keep
// angular.js, with its full error messages.
// CommonJS, exactly like angular's own index.js (require the file, export the global it sets): an ES
// module exporting only `default` would make webpack warn about ui-router's `import * as angular`, which
// probes for `.module` before falling back to the global.
require('angular/angular.min.js');
module.exports = globalThis.angular;
