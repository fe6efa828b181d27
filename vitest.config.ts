import './test/vitest-node20';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit and component tests (`npm run test:unit`); the real-browser tests have test/e2e/vitest.config.ts. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    restoreMocks: true,
    testTimeout: 30000,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
