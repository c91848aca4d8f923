// The command lines the docs show with their result, read from the Markdown so that
// dev/doc-commands.spec.ts can run them against a dev tenant and an API and assert what they show.
// - A fenced block after `<!-- run -->`: each line ending in `# <status> [text]` is run, and must
//   answer that HTTP status with `text` in its body; a line without such a comment (variables) is
//   run before each of the others. A trailing `\` continues a line.
// - A fenced block after `<!-- output of: <command> -->`: the lines the command must print, in order
//   (other lines may come between them).

export interface CheckedLine {
  /** The shell line as the docs show it (continuations joined). */
  command: string;
  /** The lines of the block before it that set variables. */
  setup: string[];
  status: number;
  /** Text the answer's body contains, if the comment names one. */
  text?: string;
  line: number;
}

export interface ShownOutput {
  command: string;
  lines: string[];
  line: number;
}

function blocksAfter(markdown: string, marker: RegExp): { arg: string; body: string[]; line: number }[] {
  const pattern = new RegExp(`^( *)${marker.source}\\n\\1\`\`\`[^\\n]*\\n([\\s\\S]*?)\\n\\1\`\`\``, 'gm');
  return [...markdown.matchAll(pattern)].map((match) => ({
    arg: match[2] ?? '',
    body: match[3].split('\n').map((l) => l.slice(match[1].length)),
    line: markdown.slice(0, match.index).split('\n').length + 2,
  }));
}

export function checkedLines(markdown: string): CheckedLine[] {
  const checked: CheckedLine[] = [];
  for (const block of blocksAfter(markdown, /<!-- run -->()/)) {
    const setup: string[] = [];
    let pending = '';
    block.body.forEach((raw, i) => {
      const line = pending + raw;
      if (/\\\s*$/.test(raw)) {
        pending = `${line.replace(/\\\s*$/, '')} `;
        return;
      }
      pending = '';
      const result = /^(.*?)\s+# (\d{3})(?: (.*))?$/.exec(line);
      if (result) {
        checked.push({
          command: result[1].trim(),
          setup: [...setup],
          status: Number(result[2]),
          ...(result[3] ? { text: result[3].trim() } : {}),
          line: block.line + i,
        });
      } else if (line.trim()) setup.push(line.trim());
    });
  }
  return checked;
}

export function shownOutputs(markdown: string): ShownOutput[] {
  return blocksAfter(markdown, /<!-- output of: (.+?) -->/).map((block) => ({
    command: block.arg,
    lines: block.body.filter((l) => l.trim()),
    line: block.line,
  }));
}

/** The docs' default ports (3000 app, 3001 API, 3002 tenant) as the ports of the stack under test. */
export function onPorts(text: string, ports: { app: number; api: number; tenant: number }): string {
  return text
    .replace(/localhost:3000\b/g, `localhost:${ports.app}`)
    .replace(/localhost:3001\b/g, `localhost:${ports.api}`)
    .replace(/localhost:3002\b/g, `localhost:${ports.tenant}`);
}

/** Whether every line of `shown` appears in `output`, in that order. */
export function showsInOrder(output: string, shown: string[]): { ok: boolean; missing?: string } {
  const lines = output.split('\n').map((l) => l.trimEnd());
  let at = 0;
  for (const expected of shown) {
    const found = lines.indexOf(expected.trimEnd(), at);
    if (found < 0) return { ok: false, missing: expected };
    at = found + 1;
  }
  return { ok: true };
}
