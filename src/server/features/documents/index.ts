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
export { adaptationsRoutes } from './adaptations/routes';
export { amendmentsRoutes } from './amendments/routes';
export { registerAmendments } from './amendments/register';
