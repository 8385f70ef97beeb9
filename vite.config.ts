import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { cspPlugin } from './build/content-security-policy.ts';
import { devServerPolicy } from './build/dev-server-policy.ts';

const demoConfig = fileURLToPath(new URL('./public/config.json', import.meta.url));
// oidc-client-ts's JWT decoder, replaced by a linear one with the same API (see the module).
const jwtDecode = fileURLToPath(new URL('./src/lib/auth/jwt-decode.ts', import.meta.url));

export default defineConfig({
  plugins: [react(), tailwindcss(), cspPlugin(), devServerPolicy(demoConfig)],
  resolve: { alias: { 'jwt-decode': jwtDecode } },
  server: { port: Number(process.env.APP_PORT ?? 5173), strictPort: true, host: 'localhost' },
  preview: { port: Number(process.env.APP_PORT ?? 5173), strictPort: true, host: 'localhost' },
  build: { sourcemap: false },
});
