import { z } from 'zod';
import type { Estate, Provider } from '../estate/model.js';
import { summarizeEstate } from '../estate/summarize-estate.js';
import type { CallJournal, JournalQuery } from './call-journal.js';
import { FaultRuleSchema, type FaultSet } from './fault-rules.js';
import type { WireRequest, WireResponse } from './wire.js';

interface AdminContext {
  readonly journal: CallJournal;
  readonly faults: FaultSet;
  readonly estate: Estate;
  readonly state: { readonly endpoints: Record<Provider, string> };
}

const json = (status: number, value: unknown): WireResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value, null, 2),
});

const adminError = (status: number, code: string, message: string): WireResponse =>
  json(status, { error: { code, message } });

const JournalQuerySchema = z
  .object({
    provider: z.enum(['aws', 'azure', 'gcp']).optional(),
    service: z.string().optional(),
    operation: z.string().optional(),
    mutating: z.enum(['true', 'false']).optional(),
    since: z.coerce.number().int().min(0).optional(),
  })
  .strict();

/**
 * The emulator's admin API (JSON), served under `/_emulator` on every port:
 * - `GET  /_emulator/health` — seed, size, anchor time, endpoints;
 * - `GET  /_emulator/estate` — counts per provider and kind;
 * - `GET  /_emulator/journal?provider=&service=&operation=&mutating=&since=` — recorded calls;
 * - `DELETE /_emulator/journal` — forget recorded calls;
 * - `GET  /_emulator/faults`, `POST /_emulator/faults` (one rule or an array), `DELETE /_emulator/faults[/ID]`.
 */
export function handleAdminRequest(request: WireRequest, context: AdminContext): WireResponse {
  const path = request.url.pathname.replace(/\/+$/, '');
  const method = request.method.toUpperCase();
  if (path === '/_emulator/health' && method === 'GET') {
    return json(200, {
      ok: true,
      seed: context.estate.seed,
      size: context.estate.size,
      anchorTime: context.estate.anchorTime,
      endpoints: context.state.endpoints,
    });
  }
  if (path === '/_emulator/estate' && method === 'GET') return json(200, summarizeEstate(context.estate));
  if (path === '/_emulator/journal') {
    if (method === 'DELETE') {
      context.journal.clear();
      return json(200, { cleared: true });
    }
    if (method === 'GET') {
      const parsed = JournalQuerySchema.safeParse(Object.fromEntries(request.url.searchParams));
      if (!parsed.success) {
        return adminError(
          400,
          'EMULATOR_ADMIN_INVALID',
          `Invalid journal query: ${z.prettifyError(parsed.error)}`,
        );
      }
      const q = parsed.data;
      const query: JournalQuery = {
        ...(q.provider === undefined ? {} : { provider: q.provider }),
        ...(q.service === undefined ? {} : { service: q.service }),
        ...(q.operation === undefined ? {} : { operation: q.operation }),
        ...(q.mutating === undefined ? {} : { mutating: q.mutating === 'true' }),
        ...(q.since === undefined ? {} : { sinceSeq: q.since }),
      };
      const entries = context.journal.query(query);
      return json(200, { total: context.journal.total(), count: entries.length, entries });
    }
  }
  if (path === '/_emulator/faults') {
    if (method === 'GET') return json(200, { faults: context.faults.list() });
    if (method === 'DELETE') {
      context.faults.clear();
      return json(200, { cleared: true });
    }
    if (method === 'POST') {
      let body: unknown;
      try {
        body = JSON.parse(request.body.toString('utf8'));
      } catch {
        return adminError(400, 'EMULATOR_ADMIN_INVALID', 'The fault body is not valid JSON.');
      }
      const parsed = z.union([FaultRuleSchema, z.array(FaultRuleSchema)]).safeParse(body);
      if (!parsed.success) {
        return adminError(
          400,
          'EMULATOR_ADMIN_INVALID',
          `Invalid fault rule: ${z.prettifyError(parsed.error)}`,
        );
      }
      const rules = (Array.isArray(parsed.data) ? parsed.data : [parsed.data]).map((r) =>
        context.faults.add(r),
      );
      return json(201, { faults: rules });
    }
  }
  const faultMatch = /^\/_emulator\/faults\/([^/]+)$/.exec(path);
  if (faultMatch && method === 'DELETE') {
    const id = decodeURIComponent(faultMatch[1] ?? '');
    return context.faults.remove(id)
      ? json(200, { removed: id })
      : adminError(404, 'EMULATOR_ADMIN_NOT_FOUND', `No fault with id "${id}".`);
  }
  return adminError(404, 'EMULATOR_ADMIN_NOT_FOUND', `No admin route ${method} ${path}.`);
}
