import angular from 'angular';
import { ManagementApi } from './management-api';

/** `managementApi`: the user's own profile through Auth0's Management API (profile and token pages). */
export default angular.module('qs.common.management', []).service('managementApi', ManagementApi).name;
