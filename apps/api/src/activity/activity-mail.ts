import type { ActivityKind, DecisionKind } from '@cutroom/contracts';
import { frameToTimecode, parseStartTimecode } from '@cutroom/timecode';
import { excerptOf } from './activity-excerpt.js';

/** More than this in one mail and the rest is left to the feed. */
export const MAIL_ITEMS_MAX = 20;
const NAME_MAX = 200;

/** One notification as a mail tells it, read when it is sent. */
export interface MailItem {
  kind: ActivityKind;
  actorName: string | null;
  projectName: string;
  assetId: string;
  assetName: string;
  versionNumber: number | null;
  /** The frame the comment (or the thread a reply answers) is pinned to. */
  frame: number | null;
  /** The version's rate and start timecode, to show `frame` as the player does. */
  timing: {
    fpsNum: number | null;
    fpsDen: number | null;
    dropFrame: boolean;
    startTimecode: string | null;
  } | null;
  decision: DecisionKind | null;
  /** The comment as it reads now, the decision's note, or the new version's file name. */
  excerpt: string | null;
}

export interface MailRecipient {
  address: string;
  displayName: string;
}

export interface ComposedMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
}

/**
 * One mail telling a person about their new items, oldest first: who did what on which asset
 * and version, where in the picture, what they wrote, and a link to the asset. Plain text, with
 * an HTML part in which everything anyone typed is escaped.
 */
export function composeMail(
  recipient: MailRecipient,
  items: readonly MailItem[],
  publicUrl: string,
): ComposedMail {
  if (items.length === 0) throw new Error('a mail needs at least one item');
  const shown = items.slice(0, MAIL_ITEMS_MAX);
  const more = items.length - shown.length;
  const name = oneLine(recipient.displayName) ?? recipient.address;
  const entries = shown.map((item) => ({
    headline: headlineOf(item),
    where: whereOf(item),
    quote: quoteOf(item),
    link: assetLink(publicUrl, item),
  }));
  const feedLink = `${publicUrl}/`;
  const footer =
    'You get this e-mail because you are a member of these projects on Cutroom. Each project lets you choose what it tells you.';

  const text = [
    `Hi ${name},`,
    '',
    ...entries.flatMap((entry) => [
      `${entry.headline}${entry.where ? ` ${entry.where}` : ''}:`,
      ...(entry.quote ? [`  "${entry.quote}"`] : []),
      `  ${entry.link}`,
      '',
    ]),
    ...(more > 0 ? [`…and ${more} more in Cutroom: ${feedLink}`, ''] : []),
    '-- ',
    footer,
    feedLink,
    '',
  ].join('\n');

  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>Hi ${escapeHtml(name)},</p>`,
    ...entries.map(
      (entry) =>
        `<p><strong>${escapeHtml(entry.headline)}</strong>${entry.where ? ` ${escapeHtml(entry.where)}` : ''}` +
        (entry.quote ? `<br><q>${escapeHtml(entry.quote)}</q>` : '') +
        `<br><a href="${escapeHtml(entry.link)}">Open in Cutroom</a></p>`,
    ),
    ...(more > 0 ? [`<p>…and ${more} more in <a href="${escapeHtml(feedLink)}">Cutroom</a>.</p>`] : []),
    `<p style="color:#666;font-size:smaller">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');

  return {
    to: { name, address: recipient.address },
    subject: subjectOf(items),
    text,
    html,
  };
}

function subjectOf(items: readonly MailItem[]): string {
  if (items.length === 1) return headlineOf(items[0]);
  const [first] = items;
  if (items.every((item) => item.assetId === first.assetId)) {
    return `${items.length} updates on ${oneLine(first.assetName) ?? 'an asset'}`;
  }
  if (items.every((item) => item.projectName === first.projectName)) {
    return `${items.length} updates in ${oneLine(first.projectName) ?? 'a project'}`;
  }
  return `${items.length} updates in Cutroom`;
}

/** "Rita Reviewer mentioned you on Opening titles": what happened, in a line. */
export function headlineOf(item: MailItem): string {
  const actor = oneLine(item.actorName) ?? 'Someone';
  const asset = oneLine(item.assetName) ?? 'an asset';
  const version = item.versionNumber === null ? '' : ` v${item.versionNumber}`;
  switch (item.kind) {
    case 'mention':
      return `${actor} mentioned you on ${asset}`;
    case 'reply':
      return `${actor} replied on ${asset}`;
    case 'comment':
      return `${actor} left a note on ${asset}`;
    case 'decision':
      return item.decision === 'approved'
        ? `${actor} approved ${asset}${version}`
        : `${actor} requested changes on ${asset}${version}`;
    case 'reminder':
      return `Your decision on ${asset}${version} is due`;
    case 'session':
      return `${actor} held a live session on ${asset}`;
    case 'version':
      return item.versionNumber === null
        ? `${actor} uploaded a new version of ${asset}`
        : `${actor} uploaded version ${item.versionNumber} of ${asset}`;
  }
}

/** "(Feature, version 2 at 01:00:02:00, frame 48)": the project and the place in the picture. */
function whereOf(item: MailItem): string {
  const parts = [oneLine(item.projectName) ?? 'a project'];
  const isComment = item.kind === 'mention' || item.kind === 'reply' || item.kind === 'comment';
  const version = isComment && item.versionNumber !== null ? `version ${item.versionNumber}` : null;
  const position = item.frame === null ? null : positionOf(item.frame, item.timing);
  const place = [version, position].filter((part) => part !== null).join(' at ');
  if (place) parts.push(place);
  return `(${parts.join(', ')})`;
}

function quoteOf(item: MailItem): string | null {
  return excerptOf(item.excerpt);
}

/** The frame as the player shows it by default (timecode from the source's start), and its index. */
export function positionOf(frame: number, timing: MailItem['timing']): string {
  if (timing?.fpsNum && timing.fpsDen) {
    try {
      const rate = { fpsNum: timing.fpsNum, fpsDen: timing.fpsDen };
      const startFrame = parseStartTimecode(timing.startTimecode, { rate, dropFrame: timing.dropFrame });
      return `${frameToTimecode(frame, { rate, dropFrame: timing.dropFrame, startFrame })}, frame ${frame}`;
    } catch {
      // A rate or start timecode the library cannot use: the frame index alone is still right.
    }
  }
  return `frame ${frame}`;
}

export function assetLink(publicUrl: string, item: Pick<MailItem, 'assetId' | 'versionNumber'>): string {
  const asset = `${publicUrl}/assets/${encodeURIComponent(item.assetId)}`;
  return item.versionNumber === null ? asset : `${asset}?version=${item.versionNumber}`;
}

/** A name as one printable line: nothing anyone typed can add a line to a mail or its subject. */
function oneLine(text: string | null): string | null {
  return excerptOf(text, NAME_MAX);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
