/**
 * The report's `baseline` and `changes` sections: what a baseline file made of this run, and
 * what changed since the previous run of the same site.
 */
import { z } from 'zod';
import { type FindingType, findingTypes } from '../../findings/definitions.js';
import { severities } from '../../findings/severity.js';
import type { RunChanges } from '../../history/run-history.js';

const findingTypeSchema = z.enum(findingTypes as [FindingType, ...FindingType[]]);

const acceptedSchema = z.object({
  type: findingTypeSchema,
  page: z.string().nullable(),
  target: z.string(),
  count: z.number().int().describe('How many findings of this identity.'),
  message: z.string(),
});

/** The `baseline` section; null when no baseline is used. */
export const baselineSectionSchema = z
  .object({
    file: z.string().describe('The baseline file, relative to the project root.'),
    exists: z.boolean().describe('False when the file does not exist yet: every finding is new.'),
    updated: z.boolean().describe('Rewritten by this run with its findings (--update-baseline).'),
    known: z.number().int().describe('Findings the baseline accepts: they do not fail the run.'),
    new: z.number().int().describe('Findings not in the baseline.'),
    fixedCount: z.number().int().describe('Findings the baseline accepts that are gone.'),
    fixed: z.array(acceptedSchema).describe('Those, at most 100 listed.'),
  })
  .nullable()
  .describe('What the baseline file made of this run; null without a baseline.');

const changedSchema = acceptedSchema.extend({ severity: z.enum(severities) });

const moverSchema = z.object({
  path: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
});

/** The `changes` section; null on the first run, or without the cache. */
export const changesSectionSchema: z.ZodType<RunChanges | null> = z
  .object({
    since: z.string().describe('When the previous run of this output folder was (ISO 8601).'),
    findings: z.object({
      added: z.array(changedSchema).describe('New errors and warnings, at most 100 listed.'),
      fixed: z.array(changedSchema).describe('Errors and warnings gone, at most 100 listed.'),
      addedCount: z.number().int(),
      fixedCount: z.number().int(),
    }),
    orphans: z.object({
      added: z.array(z.string()).describe('Pages that became orphans (or were added as orphans).'),
      removed: z.array(z.string()).describe('Pages that are no longer orphans.'),
    }),
    pages: z.object({
      added: z.array(z.string()),
      removed: z.array(z.string()),
      addedCount: z.number().int(),
      removedCount: z.number().int(),
    }),
    contextualInlinks: z
      .array(moverSchema)
      .describe('The 10 pages whose contextual inlinks moved most.'),
    linkScore: z
      .array(moverSchema)
      .describe('The 10 pages whose link score moved most (by 1 or more).'),
    assetBacklinks: z.array(moverSchema).describe('Linkable assets whose backlinks changed.'),
    linkingSites: z
      .object({ added: z.array(z.string()), lost: z.array(z.string()) })
      .nullable()
      .describe(
        'Linking sites new and lost; null unless both runs had inbound data and read the same sources.',
      ),
    inboundNotCompared: z
      .string()
      .nullable()
      .describe(
        'Why linking sites, asset backlinks and findings made from inbound data are not compared: the runs read different inbound sources (one failed, or was added). Null when they read the same ones.',
      ),
  })
  .nullable()
  .describe(
    'What changed since the previous run of the same output folder (kept in the cache folder); null on a first run or with the cache off.',
  );
