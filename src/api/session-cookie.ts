// The dashboard's session cookie: its name, reading it from a Cookie header, and the Set-Cookie attributes.
export const SESSION_COOKIE = 'compact_session';

export function sessionCookie(header: string | undefined | null): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === SESSION_COOKIE) return part.slice(i + 1).trim() || null;
  }
  return null;
}

/**
 * Secure when the request came over TLS, or said so in X-Forwarded-Proto and the proxy is trusted
 * (COMPACT_TRUST_PROXY=1). HttpOnly: scripts never read it; SameSite=Strict: no other site sends it.
 */
export function setCookie(value: string, maxAgeSec: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSec}${secure ? '; Secure' : ''}`;
}

export function overTls(url: string, forwardedProto: string | undefined, env = process.env): boolean {
  if (new URL(url).protocol === 'https:') return true;
  return env.COMPACT_TRUST_PROXY === '1' && (forwardedProto ?? '').split(',')[0]?.trim().toLowerCase() === 'https';
}
