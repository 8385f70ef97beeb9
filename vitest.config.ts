import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
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
