// The documents feature's public module: what other features and the app may use of it.
export {
  applySourceEdits,
  createDocument,
  TITLE_UNIT,
  type NewDocument,
  type SourceEdit,
  type SourceEditMeta,
} from './source/apply';
export { allUnits, currentUnits, findDocumentBySlug, textsAt, type DocumentRow, type UnitRow } from './source/repo';
export { loadDocument } from './source/service';
export { canEditSource, canProofread, canTranslate } from './policy';
export { dirOf, unitDiff, unitHtml } from './present';
export { documentsRoutes, documentsPageRoutes } from './routes';
export { registerDocuments } from './register';
export { loadDemoDocuments, DEMO_SLUG } from './demo';
export { adaptationsRoutes } from './adaptations/routes';
export { amendmentsRoutes } from './amendments/routes';
export { loadDemoAdaptations } from './amendments/demo';
