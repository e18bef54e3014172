// The documents feature's public module: what other features and the app may use of it.
export {
  applySourceEdits,
  createDocument,
  TITLE_UNIT,
  type NewDocument,
  type SourceEdit,
  type SourceEditMeta,
} from './source/apply';
export { findDocumentBySlug, type DocumentRow } from './source/repo';
export { documentsRoutes } from './routes';
export { registerDocuments } from './register';
export { adaptationsRoutes } from './adaptations/routes';
export { amendmentsRoutes } from './amendments/routes';
