/**
 * zod, once: the extension host, the engine and the CLI each validate with zod/mini, and
 * esbuild bundles this entry as `dist/zod.js`, which the others require instead of each
 * carrying a copy (see esbuild.config.mjs). Only what the code uses is exported, so only
 * that ships; a schema needing more adds it here.
 */
export { _default, array, boolean, enum, gte, int, literal, nullable, number, object, optional, positive, record, string, union } from 'zod/mini';
export type { infer, input, output, ZodMiniType } from 'zod/mini';
