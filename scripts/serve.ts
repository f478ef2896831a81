/** `npm start` (after the build) and `npm run serve`: serves `dist/` under `BASE_PATH` and prints the URL. */
import path from 'node:path';
import { basePath } from '../src/corpus/corpus.ts';
import { startStaticServer } from './lib/static-server.ts';

const dir = path.resolve(process.env.OUT_DIR ?? 'dist');
const port = Number(process.env.PORT ?? 4321);
const { url } = await startStaticServer({ dir, base: basePath(), port });
console.log(`Serving ${path.relative(process.cwd(), dir) || dir} at ${url}  (Ctrl+C to stop)`);
