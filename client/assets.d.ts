// What webpack's rules (webpack.config.js) make of the non-TypeScript files the client imports.

/** Component templates, inlined as strings (asset/source). */
declare module '*.html' {
  const template: string;
  export default template;
}
/** Styles, extracted into their own file; the import has no value. */
declare module '*.css';
/** A template emitted as a file and fetched at run time (asset/resource): its URL. */
declare module '*.html?url' {
  const url: string;
  export default url;
}
