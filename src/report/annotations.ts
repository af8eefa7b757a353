/** Workflow annotations for findings, capped at what GitHub displays per step. */
import type { Finding, LintResult } from '../core/lint.js';
import type { Unavailable } from '../core/rule.js';
import { stripControls } from './sanitize.js';

/** GitHub shows at most this many annotations of each type (error, warning) per step. */
export const ANNOTATIONS_SHOWN = 10;

export interface Annotation {
  severity: 'error' | 'warning';
  message: string;
  title: string;
  /** Absent for a playbook that is not there: the annotation then belongs to the run, not to a file. */
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings left out per type, counted in the job summary. */
  hidden: { error: number; warning: number };
}

/**
 * The first ANNOTATIONS_SHOWN findings of each severity as annotations on the playbook's lines; a playbook
 * that is not there or not text is one annotation saying so. Messages carry learner text: control characters
 * and bidi overrides are removed (the runner escapes only `%`, CR and LF in workflow commands).
 */
export function planAnnotations(result: LintResult, file: string, cap = ANNOTATIONS_SHOWN, unavailable?: Unavailable): AnnotationPlan {
  if (unavailable) {
    const message =
      unavailable.kind === 'missing'
        ? `No playbook at ${file}: the lesson asks for it at that path`
        : `The playbook ${stripControls(unavailable.reason).replace(/\s+/g, ' ')}`;
    const where = unavailable.kind === 'missing' ? {} : { file, startLine: 1, startColumn: 1 };
    return {
      annotations: [{ severity: 'error', message, title: unavailable.kind === 'missing' ? 'location' : 'question-count', ...where }],
      hidden: { error: 0, warning: 0 },
    };
  }
  const annotations: Annotation[] = [];
  const hidden = { error: 0, warning: 0 };
  const shown = { error: 0, warning: 0 };
  for (const finding of result.findings) {
    if (shown[finding.severity] >= cap) {
      hidden[finding.severity]++;
      continue;
    }
    shown[finding.severity]++;
    annotations.push(toAnnotation(finding, file));
  }
  return { annotations, hidden };
}

function toAnnotation(finding: Finding, file: string): Annotation {
  return {
    severity: finding.severity,
    message: stripControls(finding.message),
    title: finding.ruleId,
    file,
    startLine: finding.line,
    startColumn: finding.column,
  };
}
