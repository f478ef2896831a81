import { defineConfig } from 'vitest/config';

/** Builds are made one at a time, and shared by name, by one queue for the whole run. */
const BUILD_QUEUE = ['tests/helpers/build-queue.ts'];

export default defineConfig({
	test: {
		// Every core (Vitest's default leaves one idle: on 2 cores, one file at a time). Browser test
		// files spend most of their time waiting on Chromium, and builds wait in the queue.
		maxWorkers: '100%',
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					// Some unit tests run a command (the content check, the import CLI) in a child process:
					// on a busy 2-core machine, beside browser tests, that can take more than Vitest's 5 s.
					testTimeout: 60_000,
				},
			},
			{
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					globalSetup: BUILD_QUEUE,
					testTimeout: 240_000,
					hookTimeout: 600_000,
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: BUILD_QUEUE,
					testTimeout: 60_000,
					hookTimeout: 600_000,
				},
			},
		],
		coverage: {
			provider: 'v8',
			// Code files only: .astro components, styles and data run inside Astro builds (child processes),
			// which this coverage (of the test processes) does not see.
			include: ['src/**/*.{ts,mjs,js}', 'scripts/**/*.{ts,mjs,js}'],
			exclude: ['**/*.d.ts'],
			reporter: ['text-summary', 'text', 'json-summary'],
			reportsDirectory: 'tests/.output/coverage',
		},
	},
});
