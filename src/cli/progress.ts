// Progress of a long command on stderr — only when stderr is a terminal (never in pipes, files or --json), on
// one line that is rewritten, at most every 100 ms, and wiped when the work is done.

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const SILENT: Progress = { update: () => {}, done: () => {} };

export function progress(label: string, enabled = true, stream: NodeJS.WriteStream = process.stderr, width = 24): Progress {
  if (!enabled || !stream.isTTY) return SILENT;
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * width);
      stream.write(`\r${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total}\u001b[K`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
