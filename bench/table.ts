import type { Result } from 'autocannon';

export interface Row {
  target: string;
  connections: number;
  result: Result;
  /** SQL statements per request, measured sequentially. */
  sql: number;
}

/** The results as an aligned plain-text table, then every run that saw failures spelled out (never hidden). */
export function printTable(rows: Row[]): void {
  const failures = (r: Result) => r.non2xx + r.errors + r.mismatches;
  const header = ['target', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'SQL/req'];
  const cells = rows.map(({ target, connections, result: r, sql }) => [
    target,
    String(connections),
    r.requests.average.toFixed(0),
    r.latency.p50.toFixed(1),
    r.latency.p99.toFixed(1),
    String(failures(r)),
    sql.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  // The target column reads best left-aligned, the figures right-aligned.
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const c of cells) console.log(line(c));
  for (const { target, connections, result: r } of rows) {
    if (!failures(r)) continue;
    const codes = Object.entries(r.statusCodeStats).map(([code, { count }]) => `${code}×${count}`).join(', ');
    console.log(
      `!! ${target} @${connections}: ${r.non2xx} non-2xx, ${r.errors} socket errors (${r.timeouts} timeouts), ` +
        `${r.mismatches} wrong bodies; status codes: ${codes}`,
    );
  }
}
