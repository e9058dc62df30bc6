import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyAddress, parseIPv6, refusal } from './addresses.js';
import { backoffMs, DEFAULT_RETRY, offsetLabel, parseOffsets } from './schedule.js';

test('addresses are classed by the range that holds them', () => {
  const cases: [string, string][] = [
    ['8.8.8.8', 'public'],
    ['93.184.215.14', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.3.4', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['100.128.0.1', 'public'],
    ['169.254.1.1', 'link_local'],
    ['169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['febf::1', 'link_local'],
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:0a00:0001::1', 'private'],
    ['2001:4860:4860::8888', 'public'],
    ['2001:db8::1', 'reserved'],
    ['ff02::1', 'multicast'],
    ['not-an-ip', 'invalid'],
    ['1.2.3', 'invalid'],
    ['01.2.3.4', 'invalid'],
  ];
  for (const [ip, want] of cases) assert.equal(classifyAddress(ip), want, ip);
  assert.deepEqual(parseIPv6('1::'), [0, 1, ...Array(14).fill(0)]);
  assert.equal(parseIPv6('1:2:3:4:5:6:7:8:9'), null);
  assert.equal(parseIPv6('1::2::3'), null);
});

test('the rules: private allowed only when configured, link-local and metadata only by host name', () => {
  const none = { allowPrivate: false, allowHosts: [] };
  const priv = { allowPrivate: true, allowHosts: [] };
  assert.match(refusal('localhost', '127.0.0.1', none)!, /loopback.*COMPACT_WEBHOOK_ALLOW_PRIVATE/);
  assert.equal(refusal('localhost', '127.0.0.1', priv), null);
  assert.equal(refusal('h', '10.0.0.1', priv), null);
  assert.match(refusal('h', '169.254.169.254', priv)!, /metadata/);
  assert.match(refusal('h', 'fe80::1', priv)!, /link-local/);
  assert.equal(refusal('H', 'fe80::1', { allowPrivate: false, allowHosts: ['h'] }), null);
  assert.equal(refusal('example.org', '93.184.215.14', none), null);
});

test('backoff: full jitter under a doubling ceiling, capped', () => {
  const p = { ...DEFAULT_RETRY, baseMs: 100, capMs: 1000 };
  for (let n = 1; n <= 8; n++) {
    const ceiling = Math.min(1000, 100 * 2 ** (n - 1));
    assert.equal(backoffMs(n, p, 0), 0);
    assert.ok(backoffMs(n, p, 0.999_999_9) < ceiling);
    assert.equal(backoffMs(n, p, 0.5), Math.floor(ceiling / 2));
  }
});

test('reminder offsets parse, sort and name themselves', () => {
  assert.deepEqual(parseOffsets('-12h, -2h, 0, +1h'), [-43200, -7200, 0, 3600]);
  assert.deepEqual(parseOffsets('90s,-1d,-30m,90s'), [-86400, -1800, 90]);
  assert.throws(() => parseOffsets('12'), /not an offset/);
  assert.throws(() => parseOffsets('-2x'), /not an offset/);
  assert.deepEqual([-43200, -7200, -90, 0, 3600].map(offsetLabel), [
    '12h before',
    '2h before',
    '90s before',
    'due',
    '1h overdue',
  ]);
});
