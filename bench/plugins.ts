import autocannon from 'autocannon';
import { helloPluginZip, servicePluginZip } from '../test/fixtures/plugins/packages.js';
import { uploadPackage } from '../test/helpers/clients.js';
import { percentile } from './stats.js';

export interface PluginFigures {
  installP50Ms: number;
  installP95Ms: number;
  uninstallP50Ms: number;
  bundleRequestsPerSecond: number;
  bundleP99Ms: number;
  bundleErrors: number;
  serviceInstallP50Ms: number;
  restartP50Ms: number;
  restartP95Ms: number;
  crashRecoveryP50Ms: number;
}

const rounded = (values: number[], pct: number) => Math.round(percentile(values, pct));

/**
 * Plugin lifecycle costs, through the REST routes BrainDrive's client calls: install and uninstall of the example
 * package (upload), the public bundle route its `<script>` tags hit, and — for a platform admin — a backend
 * service's install-to-running, restart-to-running and crash-to-running-again times.
 */
export async function pluginFigures(restUrl: string, bearer: Record<string, string>, seconds: number, rounds = 10): Promise<PluginFigures> {
  const call = async (method: string, path: string) => {
    const res = await fetch(`${restUrl}${path}`, { method, headers: bearer });
    const json = await res.json();
    if (res.status !== 200) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
  const install = async (zip: Buffer) => {
    const { status, body } = await uploadPackage(restUrl, '/api/v1/plugins/install', bearer, zip, { method: 'upload' });
    if (status !== 200) throw new Error(`install answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
    return body;
  };
  const timed = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
    const start = performance.now();
    const out = await f();
    return [performance.now() - start, out];
  };

  const zip = await helloPluginZip();
  const serviceZip = await servicePluginZip();
  const installs: number[] = [];
  const uninstalls: number[] = [];
  for (let i = 0; i < rounds; i++) {
    installs.push((await timed(() => install(zip)))[0]);
    uninstalls.push((await timed(() => call('DELETE', '/api/v1/plugins/hello-plugin/uninstall')))[0]);
  }

  const installed = await install(zip);
  const bundleUrl = `${restUrl}/api/v1/public/plugins/${installed.plugin.id}/${installed.plugin.bundlelocation}?v=1.0.0`;
  const bundle = await autocannon({ url: bundleUrl, connections: 10, duration: seconds });
  await call('DELETE', '/api/v1/plugins/hello-plugin/uninstall');

  const [serviceInstall, withService] = await timed(() => install(serviceZip));
  if (withService.plugin.backend_service?.status !== 'running') throw new Error(`service did not start: ${JSON.stringify(withService.plugin.backend_service)}`);
  const restarts: number[] = [];
  for (let i = 0; i < rounds; i++) restarts.push((await timed(() => call('POST', '/api/v1/plugins/svc-plugin/services/restart')))[0]);
  const recoveries: number[] = [];
  for (let i = 0; i < 3; i++) {
    const before = (await call('GET', '/api/v1/plugins/svc-plugin/status')).backend_service;
    const start = performance.now();
    await fetch(`http://127.0.0.1:${before.port}/crash`).catch(() => {});
    for (;;) {
      const now = (await call('GET', '/api/v1/plugins/svc-plugin/status')).backend_service;
      if (now.status === 'running' && now.pid !== before.pid) break;
      if (performance.now() - start > 30_000) throw new Error(`service did not come back: ${JSON.stringify(now)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    recoveries.push(performance.now() - start);
    // The next crash would otherwise count as a quick one and back off longer.
    await call('POST', '/api/v1/plugins/svc-plugin/services/restart');
  }
  await call('DELETE', '/api/v1/plugins/svc-plugin/uninstall');

  return {
    installP50Ms: rounded(installs, 50),
    installP95Ms: rounded(installs, 95),
    uninstallP50Ms: rounded(uninstalls, 50),
    bundleRequestsPerSecond: Math.round(bundle.requests.average),
    bundleP99Ms: bundle.latency.p99,
    bundleErrors: bundle.non2xx + bundle.errors,
    serviceInstallP50Ms: Math.round(serviceInstall),
    restartP50Ms: rounded(restarts, 50),
    restartP95Ms: rounded(restarts, 95),
    crashRecoveryP50Ms: rounded(recoveries, 50),
  };
}
