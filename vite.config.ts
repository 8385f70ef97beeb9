import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { appAliases } from './build/aliases.ts';
import { cspPlugin } from './build/content-security-policy.ts';
import { devServerPolicy } from './build/dev-server-policy.ts';

const demoConfig = fileURLToPath(new URL('./public/config.json', import.meta.url));

export default defineConfig({
  plugins: [react(), tailwindcss(), cspPlugin(), devServerPolicy(demoConfig)],
  resolve: { alias: appAliases },
  server: { port: Number(process.env.APP_PORT ?? 5173), strictPort: true, host: 'localhost' },
  preview: { port: Number(process.env.APP_PORT ?? 5173), strictPort: true, host: 'localhost' },
  build: { sourcemap: false },
});
