// The sources' search, for the rest of the feature: its route, its filters' schema and the records it matches
// (the downloads write exactly what the search shows).
export { searchRoutes } from './routes';
export { sourceFilterQuery, type SourceFilterQuery } from './schema';
export { matchingRecords, recordsByIds, type FoundRecord } from './service';
