/** Progress goes to stderr so stdout stays the report (and `> file` captures only the table). */
export type ProgressLog = (line: string) => void;

export const stderrProgress: ProgressLog = (line) => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

export const silentProgress: ProgressLog = () => undefined;

/** Reports "label: done/total" at most every `everyMs` and at completion. */
export function progressCounter(log: ProgressLog, label: string, total: number, everyMs = 3_000): () => void {
  let done = 0;
  let last = Date.now();
  return () => {
    done++;
    const now = Date.now();
    if (done === total || now - last >= everyMs) {
      last = now;
      log(`seed ${label}: ${done}/${total}`);
    }
  };
}
