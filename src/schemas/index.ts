/** Every record schema by collection, for the content config, the checker and the indexer. */
import type { z } from 'astro/zod';
import { caseSchema } from './case.ts';
import { clusterSchema } from './cluster.ts';
import type { Collection } from './common.ts';
import { craftSchema } from './craft.ts';
import { exhibitionSchema } from './exhibition.ts';
import { personSchema } from './person.ts';
import { workSchema } from './work.ts';

export const schemas = {
  works: workSchema,
  crafts: craftSchema,
  people: personSchema,
  clusters: clusterSchema,
  exhibitions: exhibitionSchema,
  cases: caseSchema,
} satisfies Record<Collection, z.ZodType>;

export type RecordData = {
  works: z.infer<typeof workSchema>;
  crafts: z.infer<typeof craftSchema>;
  people: z.infer<typeof personSchema>;
  clusters: z.infer<typeof clusterSchema>;
  exhibitions: z.infer<typeof exhibitionSchema>;
  cases: z.infer<typeof caseSchema>;
};

export { collections, idPrefixes, type Collection } from './common.ts';
