import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The most memory this process held since `reset()`, in MB: the kernel's high-water mark
 * (VmHWM), which sees spikes a timer would miss while the event loop is busy. `reset()`
 * first collects the garbage that loading the modules left (when run with --expose-gc), so
 * what is measured is the work, not V8's start-up litter. Off Linux: the resident size now.
 */
export function peakMemory() {
  const linux = process.platform === 'linux';
  return {
    reset() {
      (globalThis as { gc?: () => void }).gc?.();
      if (linux) writeFileSync('/proc/self/clear_refs', '5');
    },
    mb(): number {
      if (linux) {
        const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
        if (kb) return Math.round((Number(kb) * 1024) / 1e6);
      }
      return Math.round(process.memoryUsage().rss / 1e6);
    },
  };
}
