/** The completeness badge: an SVG made offline with badge-maker, and a shields.io endpoint object. */
import { makeBadge } from 'badge-maker';
import type { LintResult } from '../core/lint.js';

/** https://shields.io/badges/endpoint-badge: exactly these keys. */
export interface EndpointBadge {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
}

export const BADGE_LABEL = 'playbook';

/** Red through yellow to green as more criteria pass; bright green only when all do. */
export function badgeColor(passed: number, total: number): string {
  if (total > 0 && passed === total) return 'brightgreen';
  const ratio = total === 0 ? 0 : passed / total;
  if (ratio >= 0.8) return 'green';
  if (ratio >= 0.6) return 'yellowgreen';
  if (ratio >= 0.4) return 'yellow';
  if (ratio >= 0.2) return 'orange';
  return 'red';
}

/** The badge's data: "passed" when every criterion passes, else "5/7 criteria". */
export function endpointBadge(result: LintResult): EndpointBadge {
  const { passed, total } = result.score;
  const message = result.passed ? 'passed' : `${passed}/${total} criteria`;
  return { schemaVersion: 1, label: BADGE_LABEL, message, color: badgeColor(passed, total) };
}

/** The endpoint JSON file's text. */
export function formatBadgeJson(badge: EndpointBadge): string {
  return `${JSON.stringify(badge, null, 2)}\n`;
}

/** The SVG file's text (deterministic: the same result gives the same bytes). */
export function formatBadgeSvg(badge: EndpointBadge): string {
  return `${makeBadge({ label: badge.label, message: badge.message, color: badge.color, style: 'flat' })}\n`;
}
