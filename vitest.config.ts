import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import HoldersLast from './tests/helpers/sequencer.ts';

/** Builds are shared by name, and made in parallel, by one queue for the whole run (tests/helpers/build-queue.ts). */
const BUILD_QUEUE = ['tests/helpers/build-queue.ts'];

// Node's compile cache for every process of the run: Vitest's workers and the builds and commands
// the tests start inherit it. A build imports Astro, Vite and the Markdown stack afresh in each of
// its processes, some twenty builds a run; with the cache, a process reads the compiled code back
// instead of compiling it again (a build stopped by the content check: 0.9 -> 0.5 s of CPU). Node
// checks each cached entry against its source, so an edited file is compiled anew.
process.env.NODE_COMPILE_CACHE ??= path.resolve('tests/.output/.node-compile-cache');
module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE);

export default defineConfig({
	test: {
		// One worker more than the cores (Vitest's default leaves one idle: on 2 cores, one file at a
		// time). A build or browser test file spends part of its time waiting (for its build in the
		// queue, for Chromium), and the third worker runs another file meanwhile.
		maxWorkers: os.availableParallelism() + 1,
		sequence: { sequencer: HoldersLast },
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					// Files run one after another in a worker without a fresh module graph each (half the
					// unit project's time went to importing the same modules again); a test that changes
					// the environment does it with vi.stubEnv, undone after each test.
					isolate: false,
					unstubEnvs: true,
					// Some unit tests run a command (the content check, the import CLI) in a child process:
					// on a busy 2-core machine, beside browser tests, that can take more than Vitest's 5 s.
					testTimeout: 60_000,
				},
			},
			{
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					isolate: false, // as in unit

					globalSetup: BUILD_QUEUE,
					testTimeout: 240_000,
					hookTimeout: 600_000,
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					// As in unit; and the files a worker runs share its Chromium (tests/helpers/browser.ts).
					isolate: false,
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
