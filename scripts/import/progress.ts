/** What happened to one seed file. */
export type FileOutcome = 'imported' | 'unchanged' | 'updated' | 'keptEdits' | 'failed'

export interface Progress {
  /** One file is done; `detail` is the operator's one line about it. */
  file(file: string, outcome: FileOutcome, detail: string): void
  /** A pause or other notice that is not about one file. */
  note(message: string): void
  done(): void
}

interface Stream {
  isTTY?: boolean
  columns?: number
  write(text: string): boolean
}

/**
 * A redrawn bar on a terminal; plain lines otherwise (CI logs, pipes), where a carriage
 * return would only make noise. Failures and notices always get their own line.
 */
export function createProgress(total: number, stream: Stream = process.stderr): Progress {
  let completed = 0
  const interactive = Boolean(stream.isTTY)
  const clear = () => interactive && stream.write('\r\u001b[2K')
  const drawBar = () => {
    if (!interactive) return
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 30))
    const filled = total === 0 ? width : Math.round((completed / total) * width)
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${completed}/${total} files`)
  }
  return {
    file(file, outcome, detail) {
      completed++
      if (!interactive || outcome === 'failed' || outcome === 'keptEdits') {
        clear()
        stream.write(`[${completed}/${total}] ${file}: ${detail}\n`)
      }
      drawBar()
    },
    note(message) {
      clear()
      stream.write(`${message}\n`)
      drawBar()
    },
    done() {
      if (interactive) stream.write('\n')
    },
  }
}
