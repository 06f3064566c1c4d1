// The small parts every section of the format is built from: ids, shares, texts, citations.
import { z } from 'zod';

// Names that every JavaScript object already has: an id must never look one of them up by accident.
const RESERVED = new Set(['constructor', 'prototype', 'hasownproperty', 'tostring', 'valueof', 'isprototypeof', 'propertyisenumerable', 'tolocalestring']);

export const id = (what: string) =>
  z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, `${what} ids are lower-case letters, digits and dashes, starting with a letter`)
    .refine((value) => !RESERVED.has(value), { message: `"constructor", "prototype" and the like are reserved: pick another ${what} id` })
    .meta({ description: `The ${what}'s id: lower-case letters, digits and dashes (used in references).` });

export const share = (description: string) => z.number().min(0).max(1).meta({ description });
export const text = (description: string) => z.string().meta({ description });

/** A citation: the id, or ids, of entries in meta.sources. */
export const SourceRef = z.union([z.string(), z.array(z.string())]).optional();
