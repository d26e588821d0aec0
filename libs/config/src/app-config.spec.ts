import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './app-config.js';
import { meiliReplicaUrls } from './meili-urls.js';

describe('configuration', () => {
  it('has working defaults for local use', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, NODE_ENV: 'development', DB_POOL_SIZE: 4, SEED_DEMO_DATA: true, LOCAL_PG_PORT: 54329 });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads and converts variables', () => {
    const config = loadConfig({
      PORT: '8080',
      SEED_DEMO_DATA: 'false',
      DATABASE_URL: 'postgres://u:p@h:5432/d',
      MEILI_MAX_INDEXING_MEMORY: '512MiB',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      SEED_DEMO_DATA: false,
      DATABASE_URL: 'postgres://u:p@h:5432/d',
      MEILI_MAX_INDEXING_MEMORY: '512MiB',
    });
  });

  it('names every invalid variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', LOG_LEVEL: 'loud', MEILI_MAX_INDEXING_MEMORY: 'lots' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual(['DATABASE_URL', 'JWT_SECRET', 'LOG_LEVEL', 'MEILI_MAX_INDEXING_MEMORY', 'PORT']);
  });

  it('requires real services and secrets in production, and seeds no demo data there by default', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET.*DATABASE_URL.*MEILI_URL.*MEILI_MASTER_KEY.*ADMIN_PASSWORD/);
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://a@b/c',
      MEILI_URL: 'http://m:7700',
      MEILI_MASTER_KEY: 'k'.repeat(20),
      ADMIN_PASSWORD: 'p'.repeat(14),
    });
    expect(config.SEED_DEMO_DATA).toBe(false);
  });

  it('reads MEILI_URL as one URL per search replica, normalised, and names a bad entry', () => {
    expect(meiliReplicaUrls('http://Search-1:7700/, https://search-2.example.vn/meili/')).toEqual([
      'http://search-1:7700',
      'https://search-2.example.vn/meili',
    ]);
    expect(meiliReplicaUrls('http://127.0.0.1:7700')).toEqual(['http://127.0.0.1:7700']);
    expect(() => loadConfig({ MEILI_URL: 'http://a:7700,search-2:7700' })).toThrow(/MEILI_URL: "search-2:7700" must be an http\(s\) URL/);
    expect(() => loadConfig({ MEILI_URL: 'http://a:7700,not a url' })).toThrow(/MEILI_URL: "not a url" is not a URL/);
    expect(() => loadConfig({ MEILI_URL: 'http://a:7700, http://A:7700/' })).toThrow(/MEILI_URL: names http:\/\/a:7700 twice/);
    expect(loadConfig({ MEILI_URL: 'http://a:7700,http://b:7700' }).MEILI_URL).toBe('http://a:7700,http://b:7700');
  });

  it('reads CORS origins and trusted proxies as lists, with safe defaults per mode', () => {
    expect(loadConfig({}).corsOrigins).toEqual([expect.any(RegExp)]);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        DATABASE_URL: 'postgres://a@b/c',
        MEILI_URL: 'http://m:7700',
        MEILI_MASTER_KEY: 'k'.repeat(20),
        ADMIN_PASSWORD: 'p'.repeat(14),
      }).corsOrigins,
    ).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.vn, http://localhost:5173' }).corsOrigins).toEqual([
      'https://app.example.vn',
      'http://localhost:5173',
    ]);
    expect(loadConfig({ CORS_ORIGINS: 'none' }).corsOrigins).toEqual([]);
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
    for (const [name, value] of [
      ['CORS_ORIGINS', '*'],
      ['CORS_ORIGINS', 'https://app.example.vn/path'],
      ['TRUST_PROXY', 'true'],
      ['TRUST_PROXY', 'everyone'],
    ]) {
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
    }
  });

  it('documents every variable in the README, with secrets marked', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const variable of CONFIG_VARIABLES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${variable.name}\``));
      expect(row).toBeDefined();
      expect(row!.includes('secret')).toBe(variable.secret);
    }
  });
});
