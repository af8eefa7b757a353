// Whole-process timing helpers: alternate the commands run by run, report medians and ratios.
import { spawnSync } from 'node:child_process';

/** Runs each command `runs` times, alternating between them; returns the median wall time of each, in ms. */
export function alternate(commands, runs, options = {}) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach((command, index) => {
      const start = process.hrtime.bigint();
      const result = spawnSync(command.argv[0], command.argv.slice(1), { stdio: 'ignore', ...options, ...command.options });
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.error) throw result.error;
      if (command.expectCode !== undefined && result.status !== command.expectCode) {
        throw new Error(`${command.name} exited ${result.status}, expected ${command.expectCode}`);
      }
      times[index].push(elapsed);
    });
  }
  return times.map(median);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function verdict(ok) {
  return ok ? 'ok' : 'MISSED';
}
