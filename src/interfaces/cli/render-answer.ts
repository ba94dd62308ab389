import pc from 'picocolors';
import type { Answer } from '../../core/answer/answer.js';

type Colors = ReturnType<typeof pc.createColors>;

const PREFERRED_COLUMNS: Record<string, readonly string[]> = {
  instance: ['provider', 'account', 'region', 'id', 'name', 'state', 'type', 'zone', 'launch_time', 'metric'],
  volume: [
    'provider',
    'account',
    'region',
    'id',
    'name',
    'state',
    'size_gb',
    'volume_type',
    'attached_to',
    'encrypted',
  ],
  function: [
    'provider',
    'account',
    'region',
    'id',
    'runtime',
    'runtime_deprecated',
    'memory_mb',
    'last_modified',
  ],
  database: [
    'provider',
    'account',
    'region',
    'id',
    'engine',
    'engine_version',
    'state',
    'type',
    'multi_az',
    'public',
  ],
  bucket: ['provider', 'account', 'region', 'id', 'created_time', 'public', 'encrypted'],
  log_group: ['provider', 'account', 'region', 'id', 'created_time', 'retention_days', 'stored_bytes'],
  log_event: ['timestamp', 'region', 'log_group', 'stream', 'message'],
  audit_event: ['time', 'provider', 'account', 'region', 'action', 'operation', 'id', 'name', 'actor'],
};

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(',');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function columnsOf(answer: Answer): string[] {
  const first = answer.rows[0];
  if (first === undefined) return [];
  const kind = typeof first.kind === 'string' ? first.kind : '';
  const preferred = PREFERRED_COLUMNS[kind] ?? Object.keys(first).filter((k) => k !== 'kind' && k !== 'tags');
  const present = new Set(answer.rows.flatMap((r) => Object.keys(r)));
  const columns = preferred.filter((c) => present.has(c));
  return columns.map((c) => (c === 'metric' && answer.metricWindow ? 'metric' : c));
}

function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  colors: Colors,
  maxWidth = 60,
): string {
  const widths = headers.map((h, i) =>
    Math.min(maxWidth, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const fit = (s: string, w: number): string => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const lines = [colors.bold(headers.map((h, i) => fit(h, widths[i] ?? 0)).join('  ')).trimEnd()];
  lines.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows)
    lines.push(
      row
        .map((c, i) => fit(c, widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  return lines.join('\n');
}

/** Renders an answer as human-readable text (tables, count, coverage problems, caveats, provenance). */
export function renderAnswerText(answer: Answer, options: { color: boolean; explain: boolean }): string {
  const colors = pc.createColors(options.color);
  const out: string[] = [];
  if (options.explain) {
    out.push(colors.bold('How the question was understood:'));
    for (const line of answer.explanation) out.push(`  • ${line}`);
    if (answer.plan !== null) out.push(colors.dim(`  plan: ${JSON.stringify(answer.plan)}`));
    if (answer.provenance.ruleId !== undefined) out.push(colors.dim(`  rule: ${answer.provenance.ruleId}`));
    out.push('');
  }
  if (!answer.ok && answer.error !== undefined) {
    out.push(colors.red(`✖ ${answer.error.code}: ${answer.error.message}`));
    if (answer.suggestions !== undefined && answer.suggestions.length > 0) {
      out.push('Try one of:');
      for (const s of answer.suggestions) out.push(`  • ${s}`);
    }
    if (answer.coverage.length === 0) return out.join('\n');
  }
  if (answer.groups !== undefined && answer.groups.length > 0) {
    const key = answer.plan?.groupBy.join(' / ') || 'group';
    out.push(
      table(
        [key, 'count'],
        answer.groups.map((g) => [g.key, String(g.count)]),
        colors,
      ),
    );
  } else if (answer.rows.length > 0) {
    const columns = columnsOf(answer);
    const headers = columns.map((c) =>
      c === 'metric' && answer.metricWindow
        ? `${answer.metricWindow.statistic} ${answer.metricWindow.metric} (${answer.metricWindow.unit})`
        : c,
    );
    out.push(
      table(
        headers,
        answer.rows.map((r) => columns.map((c) => cell(r[c]))),
        colors,
      ),
    );
  }
  if (answer.ok) {
    const noun =
      answer.plan?.action === 'logs'
        ? 'log events'
        : answer.plan?.action === 'audit'
          ? 'audit events'
          : `${answer.plan?.resource ?? 'item'}s`;
    out.push(
      colors.bold(`${answer.count} ${noun}`) +
        (answer.metricWindow
          ? colors.dim(` (window ${answer.metricWindow.start} → ${answer.metricWindow.end})`)
          : ''),
    );
  }
  const problems = answer.coverage.filter((c) => c.status !== 'ok');
  if (problems.length > 0) {
    out.push(colors.yellow(`⚠ ${problems.length} scope(s) not fully read:`));
    for (const c of problems)
      out.push(
        colors.yellow(
          `  ${c.provider}/${c.account}/${c.region}/${c.service}: ${c.status}${c.reason ? ` — ${c.reason}` : ''}`,
        ),
      );
  }
  for (const w of answer.warnings) out.push(colors.yellow(`⚠ ${w}`));
  for (const c of answer.caveats) out.push(colors.cyan(`ℹ ${c}`));
  const ok = answer.coverage.filter((c) => c.status === 'ok').length;
  if (answer.ok) {
    out.push(
      colors.dim(
        `read ${ok}/${answer.coverage.length} scopes · rule ${answer.provenance.ruleId ?? '-'} · plan ${answer.provenance.planFingerprint?.slice(0, 12) ?? '-'} · result ${answer.provenance.resultHash?.slice(0, 12) ?? '-'} · as of ${answer.provenance.asOf}`,
      ),
    );
  }
  return out.join('\n');
}

function csvCell(value: unknown): string {
  const s = cell(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Renders an answer's rows (or groups) as RFC 4180 CSV with a header line. */
export function renderAnswerCsv(answer: Answer): string {
  if (answer.groups !== undefined && answer.groups.length > 0) {
    return ['key,count', ...answer.groups.map((g) => `${csvCell(g.key)},${g.count}`)].join('\n');
  }
  const columns = [...new Set(answer.rows.flatMap((r) => Object.keys(r)))];
  return [columns.join(','), ...answer.rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join(
    '\n',
  );
}
