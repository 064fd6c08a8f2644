import tailwindcss from '@tailwindcss/vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // The router plugin must come before the React plugin so that it can split route files first.
  plugins: [tanstackRouter({ target: 'react', autoCodeSplitting: true }), react(), tailwindcss()],
  server: {
    host: '127.0.0.1',
    port: 5174,
    // In `npm run dev` the emulator runs separately (npm run emulator -- --port 5173); forward its API.
    proxy: {
      '/restapis': 'http://127.0.0.1:5173',
      '/__forward': 'http://127.0.0.1:5173',
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
});
