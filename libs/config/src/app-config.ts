import { plainToInstance, Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
  validateSync,
} from 'class-validator';
import { meiliReplicaUrls } from './meili-urls.js';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1';
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value.trim() === ''
      ? undefined
      : value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
    : value;
const toTrustProxy = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return /^\d+$/.test(value.trim())
    ? Number(value)
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
};
/** A browser origin: scheme, host and optional port, nothing after; or `none`. */
const ORIGIN = /^(none|https?:\/\/[a-z0-9.-]+(:\d{1,5})?)$/i;
/** A proxy Express can trust: a named range, an IPv4/IPv6 address, optionally with a prefix length. */
const PROXY = /^(loopback|linklocal|uniquelocal|[0-9.]+(\/\d{1,2})?|[0-9a-f:.]+(\/\d{1,3})?)$/i;

@ValidatorConstraint({ name: 'trustProxy' })
class IsTrustProxy implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 10;
    return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && PROXY.test(item));
  }
  defaultMessage(): string {
    return 'must be a hop count (0-10) or comma-separated addresses, subnets, loopback, linklocal or uniquelocal';
  }
}

/** Documentation of one environment variable: the README's configuration table is checked against this. */
export interface VariableDoc {
  name: string;
  default: string;
  secret: boolean;
  description: string;
}

/** Every variable the service reads, with its default; `secret` ones are never logged. */
export const CONFIG_VARIABLES: VariableDoc[] = [
  {
    name: 'NODE_ENV',
    default: 'development',
    secret: false,
    description:
      '`development`, `test` or `production` (production turns off introspection, the landing page and "Did you mean" hints, sets a strict CSP, and requires JWT_SECRET).',
  },
  { name: 'PORT', default: '3000', secret: false, description: 'HTTP port of the GraphQL API.' },
  { name: 'HOST', default: '0.0.0.0', secret: false, description: 'Interface the API listens on.' },
  {
    name: 'DATABASE_URL',
    default: '(embedded PostgreSQL)',
    secret: true,
    description: 'PostgreSQL connection URL. When unset, an embedded PostgreSQL is started with its data under DATA_DIR.',
  },
  {
    name: 'MEILI_URL',
    default: '(embedded Meilisearch)',
    secret: false,
    description:
      'Meilisearch URL, or several comma-separated (`http://search-1:7700,http://search-2:7700`): one per search replica, all with the same MEILI_MASTER_KEY; the worker keeps each in step and the API spreads searches across the healthy ones (see Search replicas). When unset, the Meilisearch binary shipped in npm is started with its data under DATA_DIR.',
  },
  {
    name: 'MEILI_MASTER_KEY',
    default: '(generated for the embedded one)',
    secret: true,
    description: 'Master key of the Meilisearch at MEILI_URL (of every replica).',
  },
  {
    name: 'MEILI_INDEX_PREFIX',
    default: 'hp',
    secret: false,
    description: 'Prefix of the Meilisearch index names (lets several environments share one server).',
  },
  {
    name: 'DATA_DIR',
    default: '.data',
    secret: false,
    description: "Folder (git-ignored) for the embedded servers' data and the generated local keys.",
  },
  { name: 'LOCAL_PG_PORT', default: '54329', secret: false, description: 'Port of the embedded PostgreSQL.' },
  { name: 'LOCAL_MEILI_PORT', default: '57700', secret: false, description: 'Port of the embedded Meilisearch.' },
  {
    name: 'MEILI_MAX_INDEXING_MEMORY',
    default: '1GiB',
    secret: false,
    description:
      "Memory the embedded Meilisearch may index with (`--max-indexing-memory`; Meilisearch's own default, two thirds of the RAM, costs it more time zeroing buffers than indexing).",
  },
  {
    name: 'DB_POOL_SIZE',
    default: '4',
    secret: false,
    description: 'PostgreSQL connections per process (2 cores: a small pool is faster).',
  },
  { name: 'DB_CONNECT_TIMEOUT_MS', default: '5000', secret: false, description: 'Give up connecting to PostgreSQL after this long.' },
  {
    name: 'DB_STATEMENT_TIMEOUT_MS',
    default: '10000',
    secret: false,
    description: 'Cancel any SQL statement that runs longer (a hung database never hangs a request forever).',
  },
  {
    name: 'JWT_SECRET',
    default: '(generated under DATA_DIR outside production)',
    secret: true,
    description: 'HMAC key (at least 32 characters) signing access tokens. Required in production.',
  },
  {
    name: 'JWT_ISSUER',
    default: 'hp-supplier-match',
    secret: false,
    description: 'The `iss` of issued access tokens; others are rejected.',
  },
  {
    name: 'JWT_AUDIENCE',
    default: 'hp-supplier-match-api',
    secret: false,
    description: 'The `aud` of issued access tokens; others are rejected.',
  },
  { name: 'ACCESS_TOKEN_TTL_SECONDS', default: '900', secret: false, description: 'Lifetime of an access token.' },
  { name: 'REFRESH_TOKEN_TTL_DAYS', default: '30', secret: false, description: 'Lifetime of a refresh token (each use rotates it).' },
  {
    name: 'LOGIN_MAX_ATTEMPTS',
    default: '10',
    secret: false,
    description:
      'Login attempts allowed per email from one client address within LOGIN_WINDOW_SECONDS (a successful login resets the count).',
  },
  {
    name: 'LOGIN_MAX_PER_EMAIL',
    default: '50',
    secret: false,
    description:
      'Login attempts allowed per email from all addresses together within LOGIN_WINDOW_SECONDS; past it, only a right password from an address that signed in to the account before gets in.',
  },
  {
    name: 'LOGIN_MAX_PER_ADDRESS',
    default: '100',
    secret: false,
    description:
      'Login attempts allowed per client address within LOGIN_WINDOW_SECONDS, whatever the email (an office behind one NAT address shares it).',
  },
  { name: 'LOGIN_WINDOW_SECONDS', default: '300', secret: false, description: 'Window of the login and registration rate limits.' },
  {
    name: 'REGISTER_MAX_ATTEMPTS',
    default: '20',
    secret: false,
    description: 'Registrations allowed per client address within LOGIN_WINDOW_SECONDS.',
  },
  {
    name: 'REFRESH_MAX_PER_ADDRESS',
    default: '300',
    secret: false,
    description:
      "Calls of `POST /auth/refresh` and `POST /auth/logout` (the browser's cookie session) allowed per client address within LOGIN_WINDOW_SECONDS.",
  },
  {
    name: 'SEARCH_MAX_PER_USER',
    default: '120',
    secret: false,
    description: '`searchSuppliers` calls a signed-in user may make within SEARCH_WINDOW_SECONDS (each aliased search counts).',
  },
  {
    name: 'SEARCH_MAX_PER_ADDRESS',
    default: '300',
    secret: false,
    description:
      '`searchSuppliers` calls anonymous callers from one client address may make within SEARCH_WINDOW_SECONDS (the benchmarks raise it).',
  },
  { name: 'SEARCH_WINDOW_SECONDS', default: '60', secret: false, description: 'Window of the search and matching rate limits.' },
  {
    name: 'MATCH_MAX_PER_USER',
    default: '60',
    secret: false,
    description:
      '`matchSuppliers` and `matchNeeds` calls (together) a user may make within SEARCH_WINDOW_SECONDS: each costs about ten times a search (the benchmarks raise it).',
  },
  {
    name: 'SEARCH_MAX_CONCURRENT',
    default: '6',
    secret: false,
    description:
      'Search and matching requests (`searchSuppliers`, `matchSuppliers`, `matchNeeds` together) one API process runs at once; the rest wait in a first-come queue (sized for 2 cores: Meilisearch and the API share them).',
  },
  {
    name: 'SEARCH_MAX_QUEUE',
    default: '128',
    secret: false,
    description:
      'Search and matching requests that may wait for a slot; one more is refused at once with SEARCH_UNAVAILABLE (reason OVERLOADED, HTTP 503 + Retry-After).',
  },
  {
    name: 'SEARCH_QUEUE_TIMEOUT_MS',
    default: '2000',
    secret: false,
    description:
      'Longest wait of a search or matching request for a slot: one predicted to wait longer (queue length × measured service time) is refused on arrival, one that waited this long is refused then (SEARCH_UNAVAILABLE, reason OVERLOADED, HTTP 503 + Retry-After).',
  },
  {
    name: 'CLAIM_CODE_TTL_DAYS',
    default: '30',
    secret: false,
    description: 'Days a claim code (issueSupplierClaimCode) stays valid before the SME must ask the centre for a new one.',
  },
  {
    name: 'CLAIM_MAX_PER_USER',
    default: '10',
    secret: false,
    description: '`claimSupplier` attempts one user may make within CLAIM_WINDOW_SECONDS (right or wrong).',
  },
  {
    name: 'CLAIM_MAX_PER_ADDRESS',
    default: '30',
    secret: false,
    description: '`claimSupplier` attempts all users from one client address may make within CLAIM_WINDOW_SECONDS.',
  },
  { name: 'CLAIM_WINDOW_SECONDS', default: '900', secret: false, description: 'Window of the claim-code rate limits.' },
  {
    name: 'TRUST_PROXY',
    default: '(none)',
    secret: false,
    description:
      "Reverse proxies whose X-Forwarded-For names the client (Express `trust proxy`: a hop count, or comma-separated addresses, subnets, `loopback`, `uniquelocal`). Unset: the socket's address is the client, and X-Forwarded-For is ignored.",
  },
  {
    name: 'CORS_ORIGINS',
    default: '(none in production; http://localhost and http://127.0.0.1 on any port otherwise)',
    secret: false,
    description:
      'Comma-separated browser origins (e.g. `https://app.example.vn`) allowed to call the API cross-origin; `none` allows none. Other origins get no CORS headers.',
  },
  { name: 'GRAPHQL_MAX_DEPTH', default: '10', secret: false, description: 'Deepest field nesting an operation may have.' },
  {
    name: 'GRAPHQL_MAX_COST',
    default: '10000',
    secret: false,
    description:
      'Highest cost of an operation: objects it may return, lists counted at their `first`/`hitsPerPage` size (see README, Abuse limits).',
  },
  { name: 'GRAPHQL_MAX_ALIASES', default: '30', secret: false, description: 'Most aliased fields in one operation.' },
  {
    name: 'GRAPHQL_MAX_TOKENS',
    default: '1000',
    secret: false,
    description: 'Most lexical tokens in one GraphQL document (the parser stops past it).',
  },
  {
    name: 'ADMIN_EMAIL',
    default: 'admin@hp-support.local',
    secret: false,
    description: 'Email of the administrator seeded at first start.',
  },
  {
    name: 'ADMIN_PASSWORD',
    default: '(generated, printed once)',
    secret: true,
    description: 'Password of the seeded administrator; when unset one is generated and printed once at first start.',
  },
  {
    name: 'SEARCH_WORKER_IN_PROCESS',
    default: 'true (false in production)',
    secret: false,
    description: 'Run the search outbox worker inside the API process (production runs `apps/worker` instead).',
  },
  { name: 'OUTBOX_BATCH_SIZE', default: '500', secret: false, description: 'Outbox entries the search worker indexes per batch.' },
  {
    name: 'OUTBOX_POLL_MS',
    default: '1000',
    secret: false,
    description: 'Longest pause of an idle search worker (it is also woken at once by PostgreSQL NOTIFY).',
  },
  {
    name: 'OUTBOX_CONCURRENCY',
    default: '2',
    secret: false,
    description: 'Batches a search worker keeps in flight (Meilisearch merges queued batches).',
  },
  {
    name: 'OUTBOX_MAX_BACKOFF_MS',
    default: '60000',
    secret: false,
    description: 'Longest wait between retries of a failed indexing batch (exponential backoff with jitter up to this).',
  },
  {
    name: 'ANALYTICS_REFRESH_MINUTES',
    default: '15',
    secret: false,
    description:
      'How often the worker (or the API with SEARCH_WORKER_IN_PROCESS) recomputes the supply snapshot behind supplyGaps and localisation; 0 = only on request (`refreshSupplySnapshot`).',
  },
  {
    name: 'SEED_DEMO_DATA',
    default: 'true (false in production)',
    secret: false,
    description: 'Load the fictional demo suppliers and buyers at start (idempotent).',
  },
  { name: 'BODY_LIMIT', default: '200kb', secret: false, description: 'Largest accepted request body.' },
  {
    name: 'IMPORT_UPLOAD_LIMIT',
    default: '20mb',
    secret: false,
    description:
      'Largest registry file an ADMIN may upload to `importSupplierRegistry` (multipart requests only; every other request stays capped by BODY_LIMIT).',
  },
  {
    name: 'WEB_DIST_DIR',
    default: '(dist/web, the built web app)',
    secret: false,
    description:
      'Folder of the built web app the API serves at `/` (`npm run build` writes it); when it has no index.html only the API is served.',
  },
  {
    name: 'MAP_TILE_URL',
    default: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    secret: false,
    description:
      "Raster tile URL template of the web app's maps (`{z}/{x}/{y}`); `none` draws markers on a plain background. Its origin is added to the page's CSP img-src.",
  },
  {
    name: 'LOG_LEVEL',
    default: 'info',
    secret: false,
    description:
      '`debug`, `info`, `warn` or `error`. At `info` every request leaves one JSON line: method, path, GraphQL operation name, milliseconds, status.',
  },
];

/** Validated configuration; built once at boot by `loadConfig`. */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** One URL per search replica, comma-separated (checked by `meiliReplicaUrls` in loadConfig). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MEILI_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16)
  MEILI_MASTER_KEY?: string;

  @Matches(/^[a-z0-9_-]{1,32}$/, { message: 'must be 1-32 characters of a-z, 0-9, _ or -' })
  MEILI_INDEX_PREFIX = 'hp';

  @IsString()
  DATA_DIR = '.data';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  LOCAL_PG_PORT = 54329;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  LOCAL_MEILI_PORT = 57700;

  /** Unset: the launcher's default (1 GiB, `DEFAULT_INDEXING_MEMORY` in local-infra). */
  @IsOptional()
  @Matches(/^\d+(\.\d+)?\s?[KMGT]?i?B$/i, { message: 'must be a size such as 512MiB or 1GiB' })
  MEILI_MAX_INDEXING_MEMORY?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE = 4;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120000)
  DB_CONNECT_TIMEOUT_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  DB_STATEMENT_TIMEOUT_MS = 10000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @IsString()
  @MinLength(1)
  JWT_ISSUER = 'hp-supplier-match';

  @IsString()
  @MinLength(1)
  JWT_AUDIENCE = 'hp-supplier-match-api';

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_MAX_ATTEMPTS = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_MAX_PER_EMAIL = 50;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_WINDOW_SECONDS = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_MAX_PER_ADDRESS = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  REGISTER_MAX_ATTEMPTS = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000000)
  REFRESH_MAX_PER_ADDRESS = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000000)
  SEARCH_MAX_PER_USER = 120;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000000)
  SEARCH_MAX_PER_ADDRESS = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  SEARCH_WINDOW_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000000)
  MATCH_MAX_PER_USER = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  SEARCH_MAX_CONCURRENT = 6;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  SEARCH_MAX_QUEUE = 128;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60000)
  SEARCH_QUEUE_TIMEOUT_MS = 2000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  CLAIM_CODE_TTL_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000000)
  CLAIM_MAX_PER_USER = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000000)
  CLAIM_MAX_PER_ADDRESS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  CLAIM_WINDOW_SECONDS = 900;

  /** Express `trust proxy`: a hop count or a list of addresses/subnets; undefined trusts none. */
  @Transform(toTrustProxy)
  @IsOptional()
  @Validate(IsTrustProxy)
  TRUST_PROXY?: number | string[];

  /** Allowed browser origins; undefined means the mode's default (see `corsOrigins`). */
  @Transform(toList)
  @IsOptional()
  @IsArray()
  @Matches(ORIGIN, { each: true, message: 'must be comma-separated origins such as https://app.example.vn, or none' })
  CORS_ORIGINS?: string[];

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_DEPTH = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000000)
  GRAPHQL_MAX_COST = 10000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  GRAPHQL_MAX_ALIASES = 30;

  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(1000000)
  GRAPHQL_MAX_TOKENS = 1000;

  @IsEmail()
  ADMIN_EMAIL = 'admin@hp-support.local';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12)
  ADMIN_PASSWORD?: string;

  @Transform(toBool)
  @IsBoolean()
  SEARCH_WORKER_IN_PROCESS = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  OUTBOX_BATCH_SIZE = 500;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60000)
  OUTBOX_POLL_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3600000)
  OUTBOX_MAX_BACKOFF_MS = 60000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  OUTBOX_CONCURRENCY = 2;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1440)
  ANALYTICS_REFRESH_MINUTES = 15;

  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO_DATA = true;

  @Matches(/^\d+(kb|mb)$/i, { message: 'must look like 200kb or 1mb' })
  BODY_LIMIT = '200kb';

  @Matches(/^\d+(kb|mb)$/i, { message: 'must look like 200kb or 20mb' })
  IMPORT_UPLOAD_LIMIT = '20mb';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @Matches(/^(none|https?:\/\/[^\s'"]+\{z\}[^\s'"]*)$/, { message: 'must be an http(s) URL template with {z}, {x} and {y}, or none' })
  MAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /**
   * Origins allowed to call cross-origin: CORS_ORIGINS when set; otherwise none in production and
   * local pages (http://localhost or http://127.0.0.1, any port) in development and tests.
   */
  get corsOrigins(): (string | RegExp)[] {
    if (this.CORS_ORIGINS) return this.CORS_ORIGINS.filter((origin) => origin !== 'none');
    return this.isProduction ? [] : [/^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/];
  }
}

/** Thrown at boot; its message names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment (only the documented variables are taken). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const { name } of CONFIG_VARIABLES) {
    const value = env[name];
    if (value !== undefined) raw[name] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  if (config.isProduction && raw.SEED_DEMO_DATA === undefined) config.SEED_DEMO_DATA = false;
  if (config.isProduction && raw.SEARCH_WORKER_IN_PROCESS === undefined) config.SEARCH_WORKER_IN_PROCESS = false;
  const problems = validateSync(config, { forbidUnknownValues: false }).map(
    (error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`,
  );
  if (config.MEILI_URL !== undefined) {
    try {
      meiliReplicaUrls(config.MEILI_URL);
    } catch (error) {
      problems.push(`MEILI_URL: ${(error as Error).message}`);
    }
  }
  if (config.isProduction && !config.JWT_SECRET) problems.push('JWT_SECRET: is required when NODE_ENV=production');
  if (config.isProduction) {
    // Production never starts embedded servers: it runs against the services docker/ describes.
    if (!config.DATABASE_URL) problems.push('DATABASE_URL: is required when NODE_ENV=production');
    if (!config.MEILI_URL) problems.push('MEILI_URL: is required when NODE_ENV=production');
    if (!config.MEILI_MASTER_KEY) problems.push('MEILI_MASTER_KEY: is required when NODE_ENV=production');
    if (!config.ADMIN_PASSWORD) problems.push('ADMIN_PASSWORD: is required when NODE_ENV=production');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
