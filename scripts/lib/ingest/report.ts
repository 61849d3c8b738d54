// Progress display (bar with ETA on a terminal, plain lines otherwise) and the final summary.

/** One problem, always naming the record and the file. */
export interface Problem {
  /** `"<collection>/<slug>/<file>"`. */
  key: string;
  collection: string;
  slug: string;
  file: string;
  message: string;
}

export type ItemStatus = 'processed' | 'skipped' | 'error';

/** Machine-readable report (`--json`). */
export interface IngestReport {
  ok: boolean;
  processed: number;
  skipped: number;
  warnings: Problem[];
  errors: Problem[];
  items: { key: string; kind: string; status: ItemStatus; ms: number }[];
  fixity: {
    added: string[];
    /** Replacements a curator accepted (`--accept-changed`); the old hash is kept as history. */
    updated: string[];
    /** Masters whose bytes differ from fixity.json and were refused (listed among the errors). */
    changed: string[];
    missing: string[];
    pruned: string[];
  };
  removedOutputs: string[];
  durationMs: number;
  settings: { image: string; model: string; av: string; jobs: number; sharpConcurrency: number };
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Progress output on stderr. */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private readonly total: number;
  private readonly mode: 'bar' | 'lines' | 'silent';
  private readonly stream: NodeJS.WriteStream;
  /** The last quarter of each long item reported in plain lines. */
  private readonly quarters = new Map<string, number>();

  constructor(total: number, mode: 'bar' | 'lines' | 'silent', stream = process.stderr) {
    this.total = total;
    this.mode = mode;
    this.stream = stream;
  }

  /** Bar on an interactive terminal, plain lines in CI or when piped. */
  static modeFor(stream: NodeJS.WriteStream, quiet: boolean): 'bar' | 'lines' | 'silent' {
    if (quiet) return 'silent';
    const ci = process.env['CI'];
    return stream.isTTY && !(ci && ci !== 'false' && ci !== '0') ? 'bar' : 'lines';
  }

  tick(key: string, status: ItemStatus, ms: number, note = ''): void {
    this.done += 1;
    if (this.mode === 'silent') return;
    if (this.mode === 'lines') {
      if (status !== 'skipped') {
        const tail = status === 'error' ? ` ERROR ${note}` : ` (${(ms / 1000).toFixed(2)} s)`;
        this.stream.write(`[${this.done}/${this.total}] ${status} ${key}${tail}\n`);
      }
      return;
    }
    const elapsed = (Date.now() - this.started) / 1000;
    const eta = (elapsed / this.done) * (this.total - this.done);
    const width = 24;
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const pct = Math.round((this.done / Math.max(1, this.total)) * 100);
    const cols = this.stream.columns ?? 100;
    const line = `ingest ${bar} ${this.done}/${this.total} ${pct}% ETA ${formatSeconds(eta)} ${key}`;
    this.stream.write(`\r\x1b[2K${line.slice(0, cols - 1)}`);
    if (status === 'error') this.stream.write(`\n  ✗ ${key}: ${note}\n`);
  }

  /** How far one long item (a film being transcoded) has got, 0–1. */
  partial(key: string, fraction: number): void {
    if (this.mode === 'silent') return;
    const pct = Math.round(fraction * 100);
    if (this.mode === 'lines') {
      const quarter = Math.floor(fraction * 4);
      if (quarter === 0 || quarter === 4 || (this.quarters.get(key) ?? 0) >= quarter) return;
      this.quarters.set(key, quarter);
      this.stream.write(`[${this.done + 1}/${this.total}] ${key} ${pct}%\n`);
      return;
    }
    const cols = this.stream.columns ?? 100;
    const line = `ingest ${this.done}/${this.total} ${key} transcoding ${pct}%`;
    this.stream.write(`\r\x1b[2K${line.slice(0, cols - 1)}`);
  }

  finish(): void {
    if (this.mode === 'bar') this.stream.write('\r\x1b[2K');
  }
}

/** Human summary table plus the list of errors and warnings. */
export function formatSummary(report: IngestReport): string {
  const rows: [string, string][] = [
    ['processed', String(report.processed)],
    ['skipped (unchanged)', String(report.skipped)],
    ['warnings', String(report.warnings.length)],
    ['errors', String(report.errors.length)],
    ['time', `${(report.durationMs / 1000).toFixed(1)} s`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  const v = Math.max(...rows.map((r) => r[1].length));
  const rule = `─`.repeat(w + v + 5);
  const lines = ['Media ingest summary', rule];
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(w)}  ${value.padStart(v)}`);
  lines.push(rule);
  const { added, updated, missing, pruned } = report.fixity;
  if (added.length + updated.length + pruned.length > 0) {
    lines.push(
      `fixity.json: ${added.length} added, ${updated.length} updated, ${pruned.length} pruned`,
    );
  }
  for (const key of updated) lines.push(`  fixity updated (replacement accepted): ${key}`);
  if (missing.length > 0) {
    lines.push(
      `${missing.length} master(s) listed in fixity.json are missing (run with --prune-fixity if they were removed on purpose):`,
    );
    for (const key of missing) lines.push(`  missing: ${key}`);
  }
  for (const e of report.errors) lines.push(`✗ ${e.collection}/${e.slug}: ${e.file}: ${e.message}`);
  for (const w of report.warnings)
    lines.push(`! ${w.collection}/${w.slug}: ${w.file}: ${w.message}`);
  return lines.join('\n');
}
