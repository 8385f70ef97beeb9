import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { appAliases } from './build/aliases.ts';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
        resolve: { alias: appAliases },
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.node.test.ts'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'demo/**/*.test.ts',
            'deploy/**/*.test.ts',
            'build/**/*.test.ts',
            'bench/**/*.test.ts',
            'src/**/*.node.test.ts',
          ],
          testTimeout: 20000,
        },
      },
    ],
  },
});
