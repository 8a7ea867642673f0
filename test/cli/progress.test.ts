// Progress on stderr when it is not a terminal: plain lines at the start, at most one per interval with
// counts, rate and ETA, and at the end; nothing when stderr's kind is not known or with --quiet.
import { describe, expect, it } from 'vitest';
import { formatDuration, progressReporter } from '../../src/cli/progress.js';

function fakeIo(stderrIsTTY: boolean | undefined) {
  const lines: string[] = [];
  return { lines, io: { stderrIsTTY, stderr: (t: string) => void lines.push(t) } };
}

describe('plain progress lines', () => {
  it('prints the start, a line every 5 seconds with counts and ETA, and the end', () => {
    const { lines, io } = fakeIo(false);
    let now = 0;
    const p = progressReporter(io, 'talentsim', { now: () => now });
    p.update({ total: 10, done: 0, failed: 0, skipped: 2 });
    for (let done = 1; done <= 10; done++) {
      now += 1500;
      p.update({ total: 10, done, failed: done >= 4 ? 1 : 0, skipped: 2 });
    }
    p.stop();
    expect(lines).toEqual([
      'talentsim: 10 replicates to run (2 resumed from earlier parts)\n',
      'talentsim: 4/10 replicates done (40%), 1 failed, 2 resumed; 0.67/s; ETA 9 s\n',
      'talentsim: 8/10 replicates done (80%), 1 failed, 2 resumed; 0.67/s; ETA 3 s\n',
      'talentsim: 10/10 replicates done, 1 failed, 2 resumed in 15 s\n',
    ]);
  });

  it('stays silent on a terminal without a bar stream, for an io that does not say, and when quiet', () => {
    for (const tty of [true, undefined]) {
      const { lines, io } = fakeIo(tty);
      const p = progressReporter(io, 'x');
      p.update({ total: 2, done: 0, failed: 0, skipped: 0 });
      p.update({ total: 2, done: 2, failed: 0, skipped: 0 });
      p.stop();
      expect(lines).toEqual([]);
    }
    const quiet = progressReporter(undefined, 'x');
    quiet.update({ total: 1, done: 1, failed: 0, skipped: 0 });
    quiet.stop();
  });

  it('formats durations for people', () => {
    expect([formatDuration(42.4), formatDuration(200), formatDuration(7500)]).toEqual(['42 s', '3 min 20 s', '2 h 05 min']);
  });
});
