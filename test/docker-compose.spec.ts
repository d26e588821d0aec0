import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '#libs/config';

/**
 * docker/compose.yaml, the scaled-out production topology (issue 15): checked here without Docker
 * (`docker-compose config` validates the syntax by hand, see README). What would break it silently:
 * an instance the proxy does not know, a replica the apps do not write to, a variable the app does
 * not read (a typo is ignored at run time), settings the app refuses at start.
 */
interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }> | string[];
}
const compose = parse(readFileSync('docker/compose.yaml', 'utf8'), { merge: true }) as { services: Record<string, Service> };
const caddyfile = readFileSync('docker/Caddyfile', 'utf8');
const services = Object.entries(compose.services);
const named = (prefix: string) => services.filter(([name]) => name.startsWith(prefix));
const apis = named('api-');
const workers = named('worker-');
const replicas = named('meili-');

/** The value a variable takes when the secrets are set and nothing else: `${X:-default}` → default. */
function resolved(value: string): string {
  const secrets: Record<string, string> = {
    POSTGRES_PASSWORD: 'pg-secret',
    MEILI_MASTER_KEY: 'meili-master-key-of-the-compose-test',
    JWT_SECRET: 'j'.repeat(40),
    ADMIN_PASSWORD: 'admin-secret',
  };
  return String(value).replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) =>
    secrets[name] !== undefined ? secrets[name] : kind === '-' ? (rest ?? '') : '',
  );
}

describe('docker/compose.yaml', () => {
  it('runs two API instances, two workers and two Meilisearch replicas on one PostgreSQL, behind Caddy', () => {
    expect([apis.length, workers.length, replicas.length]).toEqual([2, 2, 2]);
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
    expect(compose.services.proxy.image).toMatch(/^caddy:/);
    for (const [, replica] of replicas) expect(replica.image).toMatch(/^getmeili\/meilisearch:v1\.21\./);
    for (const [, worker] of workers) expect(worker.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
  });

  it('gives every app every replica, and health-checks what the others wait for', () => {
    for (const [name, app] of [...apis, ...workers]) {
      const urls = app.environment!.MEILI_URL.split(',');
      expect({ name, urls }).toEqual({ name, urls: replicas.map(([replica]) => `http://${replica}:7700`) });
      const waitsFor = app.depends_on as Record<string, { condition: string }>;
      for (const dependency of ['postgres', ...replicas.map(([replica]) => replica)]) {
        expect({ name, dependency, condition: waitsFor[dependency]?.condition }).toEqual({
          name,
          dependency,
          condition: 'service_healthy',
        });
        expect(compose.services[dependency].healthcheck?.test?.length).toBeGreaterThan(0);
      }
    }
    for (const [name, api] of apis)
      expect({ name, inProcessWorker: api.environment!.SEARCH_WORKER_IN_PROCESS }).toEqual({ name, inProcessWorker: 'false' });
  });

  it('sets only variables the app reads, with values it accepts at start', () => {
    const known = new Set(CONFIG_VARIABLES.map((variable) => variable.name));
    for (const [name, app] of [...apis, ...workers]) {
      expect({ name, unknown: Object.keys(app.environment!).filter((key) => !known.has(key)) }).toEqual({ name, unknown: [] });
      const env = Object.fromEntries(Object.entries(app.environment!).map(([key, value]) => [key, resolved(value)]));
      expect(() => loadConfig(env)).not.toThrow();
    }
  });

  it('has the proxy send to every API instance that passes its readiness check, retrying a refused request once', () => {
    const upstreams = /reverse_proxy ([^{]+)\{/.exec(caddyfile)![1].trim().split(/\s+/);
    expect(upstreams).toEqual(apis.map(([name]) => `${name}:3000`));
    expect(caddyfile).toMatch(/^\s*health_uri \/health\/ready$/m);
    expect(caddyfile).toMatch(/^\s*lb_retries 1$/m);
  });
});
