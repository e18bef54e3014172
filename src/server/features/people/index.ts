// The people feature's public module: what other features may use of it.
export { presentPersonRef, personRefColumns, type PersonRefRow } from './person-ref';
