import type {Random} from '../random.js';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogLine = {readonly level: LogLevel; readonly text: string};

const SERVICES = ['api-gateway', 'auth-svc', 'orders-svc', 'payments-svc', 'search-svc', 'mailer'];
const ROUTES = ['/v1/orders', '/v1/orders/4821', '/v1/users/me', '/v1/search?q=sse', '/v1/cart'];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
const TABLES = ['orders', 'order_items', 'users', 'sessions', 'invoices'];
const UPSTREAMS = ['stripe.com', 'redis-primary:6379', 'postgres-replica-2', 'search-cluster'];
const FAILURES = [
  'TypeError: Cannot read properties of undefined (reading "amount")',
  'Error: connect ECONNREFUSED 10.0.3.17:5432',
  'TimeoutError: upstream search-cluster did not answer within 5000ms',
  'RangeError: Invalid time value',
];
const FRAMES = [
  'at chargeCard (/srv/payments/src/charge.ts:88:13)',
  'at OrderService.checkout (/srv/orders/src/service.ts:214:22)',
  'at async Router.handle (/srv/shared/node_modules/express/lib/router/index.js:284:7)',
  'at async Promise.all (index 1)',
  'at processTicksAndRejections (node:internal/process/task_queues:95:5)',
];

function levelFor(random: Random): LogLevel {
  const roll = random.next();
  if (roll < 0.7) return 'info';
  return roll < 0.88 ? 'warn' : 'error';
}

function infoLine(random: Random, service: string, requestId: string): string {
  switch (random.int(0, 2)) {
    case 0: {
      const status = random.pick([200, 200, 200, 201, 204, 304]);
      return `${service} ${random.pick(METHODS)} ${random.pick(ROUTES)} ${status} ${random.int(3, 180)}ms req=${requestId}`;
    }
    case 1:
      return `${service} cache hit ratio ${random.int(71, 99)}% over the last 60s`;
    default:
      return `${service} worker-${random.int(1, 8)} finished job ${random.hex(6)} in ${random.int(12, 900)}ms`;
  }
}

function warnLine(random: Random, service: string, requestId: string): string {
  switch (random.int(0, 2)) {
    case 0:
      return `${service} slow query on ${random.pick(TABLES)}: ${random.int(800, 4000)}ms req=${requestId}`;
    case 1:
      return `${service} retrying ${random.pick(UPSTREAMS)} (attempt ${random.int(2, 3)}/3) req=${requestId}`;
    default:
      return `${service} connection pool at ${random.int(80, 97)}% capacity`;
  }
}

function errorLine(random: Random, service: string, requestId: string): string {
  const failure = random.pick(FAILURES);
  const head = `${service} ${random.pick(METHODS)} ${random.pick(ROUTES)} 500 after ${random.int(20, 5000)}ms req=${requestId}: ${failure}`;
  if (random.next() < 0.35) return head;
  const depth = random.int(2, FRAMES.length);
  const frames = FRAMES.slice(0, depth).map((frame) => `    ${frame}`);
  return [head, ...frames].join('\n');
}

/** One realistic log line; errors often carry a multi-line stack trace. */
export function nextLogLine(random: Random, now: Date): LogLine {
  const level = levelFor(random);
  const service = random.pick(SERVICES);
  const requestId = random.hex(8);
  const build = level === 'info' ? infoLine : level === 'warn' ? warnLine : errorLine;
  const text = build(random, service, requestId);
  return {level, text: `${now.toISOString()} ${level.toUpperCase().padEnd(5)} ${text}`};
}
