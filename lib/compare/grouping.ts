import { z } from 'zod';

/** How the compare page groups requests: by served entity, or by a usage_context key (client-side A/B). */
export const GROUP_BY = ['served_entity', 'context'] as const;

/** The parameters every compare query shares. */
export const groupingShape = {
  group_by: z.enum(GROUP_BY).default('served_entity'),
  context_key: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'expected a usage_context key (letters, digits, _ . -)').default('a_b_test_group'),
};

export function groupingParams(input: { group_by: string; context_key: string }) {
  return { group_by: input.group_by, context_key: input.context_key };
}
