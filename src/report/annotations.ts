/** Workflow annotations for findings, capped at what GitHub displays per step. */
import type { Finding, LintResult } from '../core/lint.js';

/** GitHub shows at most this many annotations of each type (error, warning) per step. */
export const ANNOTATIONS_SHOWN = 10;

export interface Annotation {
  severity: 'error' | 'warning';
  message: string;
  title: string;
  file: string;
  startLine: number;
  startColumn: number;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings left out per type, counted in the job summary. */
  hidden: { error: number; warning: number };
}

/** The first ANNOTATIONS_SHOWN findings of each severity as annotations on the playbook's lines. */
export function planAnnotations(result: LintResult, file: string, cap = ANNOTATIONS_SHOWN): AnnotationPlan {
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
    message: finding.message,
    title: finding.ruleId,
    file,
    startLine: finding.line,
    startColumn: finding.column,
  };
}
