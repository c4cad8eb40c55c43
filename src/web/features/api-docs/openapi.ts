import { z } from 'zod';

/** Only the parts of an OpenAPI 3 document this page shows; everything else passes through unread. */
const ZOperationSchema = z
  .object({
    tags: z.array(z.string()).optional(),
    summary: z.string().optional(),
    description: z.string().optional(),
    operationId: z.string().optional(),
    deprecated: z.boolean().optional(),
    'x-access': z.union([z.string(), z.array(z.string())]).optional(),
  })
  .loose();

export const ZOpenApiSchema = z
  .object({
    info: z.object({ title: z.string().optional(), version: z.string().optional() }).loose().optional(),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  })
  .loose();

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface ApiOperation {
  method: (typeof METHODS)[number];
  path: string;
  summary: string | undefined;
  access: string[];
  deprecated: boolean;
}

/** The server writes each route's access declaration into the description as "Access: <permission>". */
function accessFromDescription(description: string | undefined): string | undefined {
  const match = description?.match(/^Access:\s*(\S+)/);
  return match?.[1];
}

/** Groups the operations by their first tag, tags and operations in a stable, readable order. */
export function groupOperations(
  doc: z.infer<typeof ZOpenApiSchema>,
  untagged: string,
): [string, ApiOperation[]][] {
  const groups = new Map<string, ApiOperation[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const parsed = ZOperationSchema.safeParse(item[method]);
      if (!parsed.success || item[method] === undefined) continue;
      const op = parsed.data;
      const access = op['x-access'] ?? accessFromDescription(op.description);
      const tag = op.tags?.[0] ?? untagged;
      const list = groups.get(tag) ?? [];
      list.push({
        method,
        path,
        summary: op.summary,
        access: access === undefined ? [] : Array.isArray(access) ? access : [access],
        deprecated: op.deprecated ?? false,
      });
      groups.set(tag, list);
    }
  }
  for (const list of groups.values())
    list.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
