// The app-wide state the server rendered with, made reactive, plus each route's loaded data.
import { computed, inject, reactive, type App, type ComputedRef, type InjectionKey } from 'vue';
import { useRoute, type RouteLocationNormalized } from 'vue-router';
import type { PageState } from '../contracts/page-state';
import type { Api } from './api';

export interface AppContext {
  state: PageState;
  api: Api;
}

const KEY: InjectionKey<AppContext> = Symbol('app-context');

export function createAppContext(state: PageState, api: Api) {
  const ctx: AppContext = { state: reactive(state) as PageState, api };
  return { ...ctx, install: (app: App) => app.provide(KEY, ctx) };
}

// Installed by createLdnApp before anything renders (no check: its message would cost every first page bytes).
export const useAppContext = (): AppContext => inject(KEY)!;

export const useApi = () => useAppContext().api;
export const useAppState = () => useAppContext().state;

/**
 * Loader data of a route is kept under its path and query. Not the #fragment: the server never sees it, so a
 * link to `/debates/1#argument-5` must find the data the server rendered with.
 */
export const dataKey = (route: Pick<RouteLocationNormalized, 'fullPath'>): string => route.fullPath.split('#')[0] ?? '';

export interface LoadError {
  __error: { status: number; title: string; detail?: string };
}

export const isLoadError = (v: unknown): v is LoadError => typeof v === 'object' && v !== null && '__error' in v;

/** The current route's loader data. */
export function usePageData<T>(): ComputedRef<T> {
  const state = useAppState();
  const route = useRoute();
  return computed(() => state.data[dataKey(route)] as T);
}

export interface LoadContext {
  api: Api;
  route: RouteLocationNormalized;
  state: PageState;
}

export type Loader = (ctx: LoadContext) => Promise<unknown>;

declare module 'vue-router' {
  interface RouteMeta {
    /** Loads the page's data: on the server for the first paint, in the browser on navigation. */
    load?: Loader;
    /** Message key of the page title (pages with data may set document title themselves). */
    titleKey?: string;
  }
}
