import angular from 'angular';
import { ApiService } from './api.service';
import type { ApiResult } from './api-result';
import { asTable, type DataTable } from './data-table';
import resultTemplate from './api-result.html';

/** Renders the ApiResult it is given; data answers as a table when they are a list of records. */
class ApiResultController {
  result: ApiResult | null = null;
  table: DataTable | null = null;

  $onChanges(): void {
    this.table = this.result?.ok ? asTable(this.result.data) : null;
  }
}

/** What the pages that call the API share: the `api` service and `<api-result>`, which shows its answers. */
export default angular
  .module('qs.common.api', [])
  .service('api', ApiService)
  .component('apiResult', { template: resultTemplate, controller: ApiResultController, bindings: { result: '<' } })
  .name;
