import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { bananaForUiLanguages } from './scripts/vite/banana-for-ui-languages';

// Two builds: the browser bundle (dist/client, with manifests for preload links) and the server renderer
// (dist/server/entry-server.js), made by `npm run build`.
export default defineConfig(({ isSsrBuild }) => ({
  plugins: [vue(), bananaForUiLanguages()],
  define: {
    // Hydration mismatches are reported with details, so tests can catch them in a production build.
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true',
    // Codex's components declare their public methods with the options API.
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: `${process.env.LDN_DIST_DIR ?? 'dist'}/client`,
    manifest: true,
    ssrManifest: true,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // A lazy page's own JavaScript imports are fetched as the browser meets them (the server's preload links
    // cover the first page); listing every chunk's imports for the preload helper cost the first route about a
    // kilobyte. Its stylesheets are still loaded with it (they are not in this list). Every browser the platform
    // serves knows modulepreload, so no polyfill.
    modulePreload: { polyfill: false, resolveDependencies: () => [] },
    rollupOptions: isSsrBuild
      ? // The server renderer is one file: a dynamic import per request would go through the module loader.
        { output: { inlineDynamicImports: true } }
      : {
          input: 'src/web/entry-client.ts',
          // Codex ships one module whose components are made with unannotated defineComponent() calls; declaring
          // those calls pure lets unused components drop out of the bundle.
          treeshake: { manualPureFunctions: ['defineComponent', 'makeStringTypeValidator'] },
        },
  },
}));
