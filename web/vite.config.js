import { defineConfig } from 'vite';

// Preact's JSX through esbuild: no framework plugin needed. `npm run dev` proxies the API to a
// service started by ./run, so the app can be worked on with hot reload.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the shipped app; nothing inline (the CSP forbids inline scripts).
    sourcemap: false,
    assetsInlineLimit: 0,
    rollupOptions: { input: { main: 'index.html', signedIn: 'signed-in.html' } },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: { environment: 'node', include: ['test/**/*.test.js'] },
});
