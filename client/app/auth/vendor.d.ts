// angular-auth0 and angular-jwt ship no typings; their entry files export the AngularJS module name.
// Kept inside the auth folder so that copying the folder brings it along.
declare module 'angular-auth0' {
  const moduleName: string;
  export default moduleName;
}
declare module 'angular-jwt' {
  const moduleName: string;
  export default moduleName;
}
