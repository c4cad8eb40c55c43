import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The operator app is built into dist/web and served by the Trama server (same origin, strict CSP).
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000', '/status': 'http://localhost:3000' } },
});
