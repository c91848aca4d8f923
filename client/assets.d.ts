// What webpack's rules (webpack.config.js) make of the non-TypeScript files the client imports.

/** Component templates, inlined as strings (asset/source). */
declare module '*.html' {
  const template: string;
  export default template;
}
/** Styles, extracted into their own file; the import has no value. */
declare module '*.css';
