// Collects a record's sources, giving each URL a short stable id derived from its host.
export type Obj = Record<string, unknown>;

export class SourceBook {
  private byUrl = new Map<string, Obj>();
  private ids = new Set<string>();

  /** Adds a URL (once) and returns its source id. */
  add(url: string, opts: { id?: string; title?: string } = {}): string {
    const clean = url.replace(/^https:\/\/fanyv88\.com:443\/https?\/?\/?/, 'https://');
    const have = this.byUrl.get(clean);
    if (have) return have.id as string;
    const base = opts.id ?? slug(clean);
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    const rec = {
      id,
      url: encodeURI(decodeURI(clean)),
      title: opts.title ?? titleFor(clean),
      publisher: publisher(clean),
      date: dateIn(clean),
      quote: null,
    };
    this.byUrl.set(clean, rec);
    return id;
  }

  first(): string {
    const f = [...this.byUrl.values()][0];
    if (!f) throw new Error('record has no sources');
    return f.id as string;
  }

  /** Citations (without quote) for the sources whose URL matches. */
  citeSecondary(re: RegExp) {
    return [...this.byUrl.values()]
      .filter((s) => re.test(String(s.url)))
      .map((s) => ({ source: s.id as string, quote: null, where: null }));
  }

  list(): Obj[] {
    return [...this.byUrl.values()];
  }
}

function slug(url: string): string {
  const host = url
    .replace(/^https?:\/\//, '')
    .split('/')[0]!
    .replace(/^www\.|^www3\.|^en\.|^news\.|^amp\./, '');
  const parts = host.split('.');
  if (parts.length > 2 && /^(com|co|org|gov|net|ac|edu)$/.test(parts[parts.length - 2]!)) parts.pop();
  const core = parts.length > 1 ? parts[parts.length - 2]! : parts[0]!;
  return (
    core
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'source'
  );
}

function publisher(url: string): string | null {
  const host = url.replace(/^https?:\/\//, '').split('/')[0]!;
  return host.replace(/^www\./, '');
}

function titleFor(url: string): string | null {
  if (/Dovidka/.test(url)) return "Reference note on Ukraine's security agreements (Dovidka, Sept 2025), copy";
  if (/github\.com/.test(url))
    return `${decodeURIComponent(url.split('/').pop() ?? '').replace(/\.(docx|pdf)$/, '')} (copy of the text)`;
  return null;
}

function dateIn(url: string): string | null {
  const m = /\/(20\d\d)\/(\d\d)\/(\d\d)\//.exec(url);
  if (!m) return null;
  const d = `${m[1]}-${m[2]}-${m[3]}`;
  return Number.isNaN(Date.parse(d)) ? null : d;
}
