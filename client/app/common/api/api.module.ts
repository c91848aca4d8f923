import angular from 'angular';
import { ApiService } from './api.service';
import resultTemplate from './api-result.html';

/** What the pages that call the API share: the `api` service and `<api-result>`, which shows its answers. */
export default angular
  .module('qs.common.api', [])
  .service('api', ApiService)
  // Stateless: renders the ApiResult it is given (an answer that is data as formatted JSON).
  .component('apiResult', { template: resultTemplate, bindings: { result: '<' } }).name;
