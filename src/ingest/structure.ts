// Rebuilds a text's structure from its paragraphs: title, preamble, headings, numbering, locators and stable ids.

import { BULLET, type Label, type LabelKind, looksLikeHeading, readLabel } from './labels.js';
import type { Block, BlockRole } from './types.js';

interface Level {
  kind: LabelKind | 'heading';
  /** Locator text for this level (label, or heading text for unnumbered headings). */
  where: string;
  eid: string;
  heading: string | null;
  isHeading: boolean;
  /** The paragraph ends with ':' and so introduces what follows (a list of items or of sub-headings). */
  intro: boolean;
  /** Ordinal counters for unnumbered children (body paragraphs, bullets) used in eIds. */
  counters: Map<string, number>;
  /** Index of the block that opened the level. */
  block: number;
}

const SUB_ITEMS = new Set<Level['kind']>(['pnum', 'proman', 'palpha', 'pupper', 'alpha', 'roman-lower']);

/** Lower-case ASCII slug of a heading for use in an eId (at most 48 characters, cut at a word). */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= 48) return s;
  const cut = s.slice(0, 48);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

function eidPart(kind: Level['kind'], label: Label | null, heading: string | null): string {
  if (!label) return `sec_${slug(heading ?? 'section')}`;
  const v = label.raw.replace(/^(Part|Section|Chapter|Article)\s+/i, '').replace(/[().]/g, '');
  switch (kind) {
    case 'part':
      return `part_${label.value}`;
    case 'upper':
      return `sec_${v.toLowerCase()}`;
    case 'num':
      return `para_${label.value}`;
    case 'pnum':
      return `subpara_${label.value}`;
    case 'proman':
    case 'roman-lower':
      return `subpara_${v.toLowerCase().replace(')', '')}`;
    default:
      return `point_${v.toLowerCase().replace(')', '')}`;
  }
}

const TITLE_WORD = /\b(agreement|accord|memorandum|arrangement|declaration|treaty|between|ukraine)\b|^(and|between)$/i;
const SIGNATURE =
  /^(signed|done|in witness)\b|^[A-Z][\p{L} .'’-]{1,40},\s*(?:\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},\s*\d{4}|\d{1,2}[./]\d{1,2}[./]\d{4})\.?$/iu;

/** Joins a bare label line ("I.") with the heading that follows it ("Scope"). */
function mergeBareLabels(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const next = paragraphs[i + 1];
    const l = readLabel(p);
    if (l && !l.rest.trim() && next !== undefined && !readLabel(next)) {
      out.push(`${p.trim()} ${next.trim()}`);
      i++;
    } else out.push(p);
  }
  return out;
}

/**
 * Builds blocks with roles, labels, locators (`where`) and eIds. Offsets refer to `paragraphs.join('\n')` after
 * bare labels are merged; the function returns that text too.
 */
export function buildBlocks(input: string[]): { blocks: Block[]; text: string } {
  const paragraphs = mergeBareLabels(input.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean));
  const roles: BlockRole[] = paragraphs.map(() => 'body');
  // Title: the leading run of heading-like lines, up to the last one that names the instrument or the parties.
  let lead = 0;
  const titleLine = (p: string) =>
    p.length < 110 && p.split(' ').length <= 14 && !/[.;:,]$/.test(p) && !/\b(will|shall)\b/.test(p) && !readLabel(p);
  while (lead < paragraphs.length && titleLine(paragraphs[lead]!)) lead++;
  let titleEnd = -1;
  for (let i = 0; i < lead; i++) if (TITLE_WORD.test(paragraphs[i]!)) titleEnd = i;
  for (let i = 0; i <= titleEnd; i++) roles[i] = 'title';
  const sig = paragraphs.findIndex((p, i) => i > titleEnd && SIGNATURE.test(p) && i > paragraphs.length * 0.5);
  if (sig >= 0) for (let i = sig; i < paragraphs.length; i++) roles[i] = 'signature';

  const blocks: Block[] = [];
  const stack: Level[] = [];
  const root: Level = {
    kind: 'heading',
    where: '',
    eid: '',
    heading: null,
    isHeading: true,
    intro: false,
    counters: new Map(),
    block: -1,
  };
  const expect: Partial<Record<LabelKind, number>> = {};
  let preamble = true;
  let offset = 0;
  let lastColon: { index: number; depth: number } | null = null;
  const top = () => stack[stack.length - 1] ?? root;
  const popTo = (pred: (l: Level) => boolean) => {
    while (stack.length && !pred(stack[stack.length - 1]!)) stack.pop();
  };
  const ordinal = (lvl: Level, key: string) => {
    const n = (lvl.counters.get(key) ?? 0) + 1;
    lvl.counters.set(key, n);
    return n;
  };
  const uniqueEid = new Map<string, number>();

  paragraphs.forEach((text, index) => {
    const start = offset;
    offset += text.length + 1;
    let role = roles[index]!;
    let label: Label | null = null;
    let bullet = false;
    let eid: string;
    let isPreamble = false;
    if (role === 'title' || role === 'signature') {
      eid = role === 'title' ? `title__p_${index + 1}` : `signature__p_${ordinal(root, 'sig')}`;
      blocks.push(
        mk(index, text, role, null, false, role === 'title' ? 'Title' : 'Signature', eid, false, [], null, start),
      );
      return;
    }
    label = readLabel(text, expect);
    bullet = !label && BULLET.test(text);
    const headingText = label ? label.rest : text;
    const isHeading = !bullet && looksLikeHeading(headingText) && (label === null || label.rest.length > 0);
    if (label || isHeading) preamble = !!/^preamble$/i.test(headingText.trim());
    if (label) {
      expect[label.kind] = label.value + 1;
      const kind = label.kind;
      if (stack.some((l) => l.kind === kind)) {
        popTo((l) => l.kind === kind);
        stack.pop();
      } else if (isHeading && kind === 'part') stack.length = 0;
      // A section-level heading ("A. Defence Cooperation") closes running paragraphs; a lettered sub-heading
      // ("a) Air Force") stays inside the paragraph that announces it.
      else if (isHeading && kind === 'upper') popTo((l) => l.isHeading || l.intro);
      resetDeeper(expect, kind);
      const lvl: Level = {
        kind,
        where: label.raw.replace(/\.$/, ''),
        eid: eidPart(kind, label, null),
        heading: isHeading ? label.rest : null,
        isHeading,
        intro: /:\s*$/.test(text),
        counters: new Map(),
        block: index,
      };
      stack.push(lvl);
      role = isHeading ? 'heading' : 'body';
      eid = stack.map((l) => l.eid).join('__');
    } else if (isHeading) {
      // An unnumbered heading closes running paragraphs and any sibling heading, then opens its own section.
      popTo((l) => l.isHeading && l.kind !== 'heading');
      if (/^preamble$/i.test(text)) stack.length = 0;
      stack.push({
        kind: 'heading',
        where: text,
        eid: `sec_${slug(text)}`,
        heading: text,
        isHeading: true,
        intro: false,
        counters: new Map(),
        block: index,
      });
      for (const k of ['num', 'pnum', 'proman', 'palpha', 'pupper', 'alpha', 'roman-lower'] as LabelKind[])
        delete expect[k];
      role = 'heading';
      eid = stack.map((l) => l.eid).join('__');
    } else {
      if (!bullet) popTo((l) => !SUB_ITEMS.has(l.kind) || l.isHeading);
      const parent = top();
      const key = bullet ? 'item' : 'p';
      const n = ordinal(parent, key);
      eid = [...stack.map((l) => l.eid), `${bullet ? 'item' : 'p'}_${n}`].join('__');
      if (preamble && stack.every((l) => l.kind === 'heading')) isPreamble = true;
    }
    if (isPreamble || (preamble && !stack.length)) {
      isPreamble = true;
      eid = `preamble__${eid.split('__').pop()}`;
    }
    const seen = uniqueEid.get(eid) ?? 0;
    uniqueEid.set(eid, seen + 1);
    if (seen) eid = `${eid}_${seen + 1}`;
    const headings = stack.filter((l) => l.heading).map((l) => l.heading!);
    const where = isPreamble
      ? (stack.find((l) => /^preamble$/i.test(l.where))?.where ?? 'Preamble')
      : stack.map((l) => l.where).join(' > ');
    let leadIn: number | null = null;
    if (
      role === 'body' &&
      lastColon &&
      (bullet || (label && SUB_ITEMS.has(label.kind)) || stack.length > lastColon.depth)
    )
      leadIn = lastColon.index;
    if (role === 'body' && /:\s*$/.test(text)) lastColon = { index, depth: stack.length };
    else if (role === 'heading' || (label && label.kind === 'num')) lastColon = null;
    blocks.push(
      mk(index, text, role, label ? label.raw : null, bullet, where, eid, isPreamble, headings, leadIn, start),
    );
  });
  omitHeadingsUnderRunningNumbers(blocks);
  return { blocks, text: paragraphs.join('\n') };
}

function resetDeeper(expect: Partial<Record<LabelKind, number>>, kind: LabelKind) {
  const order: LabelKind[] = ['part', 'upper', 'num', 'pnum', 'proman', 'palpha', 'pupper', 'alpha', 'roman-lower'];
  for (const k of order.slice(order.indexOf(kind) + 1)) if (k !== 'upper' || kind === 'part') delete expect[k];
}

function mk(
  index: number,
  text: string,
  role: BlockRole,
  label: string | null,
  bullet: boolean,
  where: string,
  eid: string,
  preamble: boolean,
  headings: string[],
  leadIn: number | null,
  start: number,
): Block {
  return { index, text, role, label, bullet, where, eid, preamble, headings, leadIn, start, end: start + text.length };
}

/**
 * Where paragraph numbers run on across an unnumbered heading (1..62 through the whole text), the number alone
 * locates a paragraph and the gold omits the heading: drop such headings from `where` and eIds.
 */
function omitHeadingsUnderRunningNumbers(blocks: Block[]) {
  blocks.forEach((b, i) => {
    if (b.role !== 'heading' || b.label) return;
    const next = blocks.slice(i + 1).find((x) => x.role === 'heading' || (x.label && /^\d+$/.test(x.label)));
    if (!next || next.role === 'heading' || Number(next.label) <= 1) return;
    const prefix = b.where;
    const eprefix = b.eid;
    for (let j = i; j < blocks.length; j++) {
      const x = blocks[j]!;
      if (j > i && !x.where.startsWith(prefix)) break;
      x.where = dropSegment(x.where, b.text, ' > ');
      x.eid = x.eid.replace(`${eprefix.split('__').pop()!}__`, '');
    }
  });
}

function dropSegment(where: string, segment: string, sep: string): string {
  const parts = where.split(sep);
  const k = parts.lastIndexOf(segment);
  if (k >= 0 && parts.length > 1) parts.splice(k, 1);
  return parts.join(sep);
}
