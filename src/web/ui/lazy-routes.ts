// Routes of a feature whose pages and loaders all come in one lazy chunk (its pages.ts), imported once per
// process and shared by every router instance (the server builds one per request), out of the first route's
// JavaScript. One helper for every such feature keeps the route tables, which are in that JavaScript, small.
import type { RouteRecordRaw } from 'vue-router';
import type { LoadContext } from '../state';

type Chunk = Record<string, unknown>;
type PageName<P> = { [K in keyof P]: K extends `${string}Page` ? K : never }[keyof P];
type LoaderName<P> = { [K in keyof P]: K extends `load${string}` ? K : never }[keyof P];

/** [path, page component, loader, title message key?], each page and loader named as pages.ts exports it. */
export type LazyRoute<P> = [string, PageName<P>, LoaderName<P>, string?];

export function lazyRoutes<P extends Chunk>(load: () => Promise<P>, table: LazyRoute<P>[]): RouteRecordRaw[] {
  let chunk: Promise<P> | null = null;
  const get = () => (chunk ??= load());
  return table.map(([path, page, loader, titleKey]) => ({
    path,
    component: async () => (await get())[page] as never,
    meta: { titleKey, load: async (ctx: LoadContext) => ((await get())[loader] as (c: LoadContext) => unknown)(ctx) },
  }));
}
