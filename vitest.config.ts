import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    // server-only throws outside React Server Components; lib code is tested directly here.
    alias: { 'server-only': fileURLToPath(new URL('./lib/testing/empty.ts', import.meta.url)) },
  },
});
