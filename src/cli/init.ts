/** `playbook-proof init`: sets a learner's repository up (to be written). */
import { UsageError } from '../errors.js';
import type { CliIo } from './shared.js';

export interface InitOptions {
  dryRun: boolean;
}

/** Sets up the pre-commit hook, the pull-request workflow and a playbook skeleton in the repository at io.cwd. */
export async function init(_options: InitOptions, _io: CliIo): Promise<number> {
  throw new UsageError('init is not available yet');
}
