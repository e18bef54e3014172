// The updates pages' public module: what other web features use of them (the loaders' text helpers). Pages and
// components (*.vue) are imported directly.
export { LANGUAGE_CODE, languageName, queryString, shown, type Shown } from './format';
