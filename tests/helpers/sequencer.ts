/**
 * The order in which Vitest hands test files to its workers: its own (project by project, the
 * longest files first, by the last run's durations), except that in each project the files that
 * hold the build queue (`holdBuilds`: builds stopped half-way, a dev server) come last. While one
 * holds the queue, no other build runs, so it is best run once the project's other files have their
 * builds and the next project's files have work for the other cores.
 */
import fs from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class HoldersLast extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const holds = (spec: TestSpecification) => fs.readFileSync(spec.moduleId, 'utf8').includes('holdBuilds(');
		const projects = [...new Set(sorted.map((spec) => spec.project))];
		return projects.flatMap((project) => {
			const own = sorted.filter((spec) => spec.project === project);
			return [...own.filter((spec) => !holds(spec)), ...own.filter(holds)];
		});
	}
}
