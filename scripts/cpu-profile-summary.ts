/**
 * The functions a V8 CPU profile spent most time in, by self time and by total (inclusive) time, with the
 * package or source file each lives in.
 *
 *   npx tsx scripts/cpu-profile-summary.ts PROFILE.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const top = Number(values.top);

function where(url: string): string {
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1];
  if (url.startsWith('node:')) return url;
  const source = /\/(dist|apps|libs)\/(.*)$/.exec(url);
  return source ? source[2] : url || '(native)';
}

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (node: Node) =>
    `${node.callFrame.functionName || '(anonymous)'}  ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let sum = 0;
  for (const [index, sample] of profile.samples.entries()) {
    const time = profile.timeDeltas[index] ?? 0;
    sum += time;
    const node = byId.get(sample)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + time);
    const pkg = where(node.callFrame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const name = label(byId.get(id)!);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + time);
    }
  }
  const print = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${((time / sum) * 100).toFixed(1).padStart(6)} %  ${name}`);
  };
  console.log(`${file}: ${(sum / 1e6).toFixed(1)} s sampled`);
  print('self time by function', self);
  print('self time by package / file', byPackage);
  print('total time by function', total);
}
