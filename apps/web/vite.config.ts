import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';

const apiTarget = process.env.JIXIAO_API_URL ?? 'http://127.0.0.1:3000';

/** Vendor chunk groups (Vite 8 bundles with rolldown: `output.codeSplitting` replaces `manualChunks`). */
const vendorGroups: { name: string; test: RegExp; priority: number }[] = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
    priority: 40,
  },
  { name: 'vendor-antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 35 },
  {
    name: 'vendor-antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion)[\\/]/,
    priority: 30,
  },
  { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
  { name: 'vendor-zod', test: /node_modules[\\/]zod[\\/]/, priority: 30 },
  // Only behind `import()` (table exports): a group of its own keeps it out of vendor-misc's first load.
  { name: 'vendor-exceljs', test: /node_modules[\\/]exceljs[\\/]/, priority: 30 },
  { name: 'vendor-misc', test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
