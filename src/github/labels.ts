/** The proof label: added when every criterion passes, removed when one fails; other labels untouched. */
import type { Client } from './client.js';
import type { PullRef } from './comments.js';
import { apiError } from './errors.js';

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/** GitHub's colour for a label it created on the fly when adding an unknown label to an issue. */
const AUTO_CREATED_COLOR = 'ededed';

/** Adds the label to the pull request (only this one); creates it with its colour and description if new. */
export async function addLabel(client: Client, pr: PullRef, label: LabelSpec): Promise<void> {
  let added: Array<{ name: string; color: string; description: string | null }>;
  try {
    ({ data: added } = await client.rest.issues.addLabels({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, labels: [label.name] }));
  } catch (error) {
    throw apiError(`add the label "${label.name}" to #${pr.number}`, error);
  }
  const created = added.find((l) => l.name === label.name);
  if (created && created.color === AUTO_CREATED_COLOR && !created.description) await describeLabel(client, pr, label);
}

/** Gives a label GitHub just created its colour and description. */
export async function describeLabel(client: Client, pr: PullRef, label: LabelSpec): Promise<void> {
  try {
    await client.rest.issues.updateLabel({ owner: pr.owner, repo: pr.repo, name: label.name, color: label.color, description: label.description });
  } catch (error) {
    throw apiError(`set the colour of the label "${label.name}"`, error);
  }
}

/** Removes the label from the pull request; a label already gone is fine. */
export async function removeLabel(client: Client, pr: PullRef, name: string): Promise<void> {
  try {
    await client.rest.issues.removeLabel({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, name });
  } catch (error) {
    if ((error as { status?: number }).status === 404) return;
    throw apiError(`remove the label "${name}" from #${pr.number}`, error);
  }
}
