import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's Dockerfile read the way `docker build` reads it, as far as the deploy tests
 * need: instructions (continuation lines joined, comments dropped), grouped by build stage.
 */
export const ROOT = path.join(__dirname, '../..');

export interface Instruction {
  keyword: string;
  /** Everything after the keyword, as written. */
  text: string;
}

export interface Stage {
  name: string;
  image: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs before the first FROM, with their defaults. */
  args: Record<string, string>;
  stages: Stage[];
}

export function readDockerfile(file = path.join(ROOT, 'Dockerfile')): Dockerfile {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'));
  const instructions = lines
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line): Instruction => {
      const keyword = line.split(/\s+/)[0];
      return { keyword: keyword.toUpperCase(), text: line.slice(keyword.length).trim() };
    });
  const out: Dockerfile = { args: {}, stages: [] };
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.text.split(/\s+/);
      out.stages.push({ name: as?.toUpperCase() === 'AS' ? name : '', image, instructions: [] });
    } else if (out.stages.length === 0 && instruction.keyword === 'ARG') {
      const [name, value = ''] = instruction.text.split('=');
      out.args[name] = value;
    } else out.stages.at(-1)?.instructions.push(instruction);
  }
  return out;
}

export const stage = (dockerfile: Dockerfile, name: string): Stage => {
  const found = dockerfile.stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name}`);
  return found;
};

export const instructions = (s: Stage, keyword: string): string[] =>
  s.instructions.filter((i) => i.keyword === keyword).map((i) => i.text);

/** An exec-form (JSON array) instruction's words. */
export const execForm = (text: string): string[] => JSON.parse(text) as string[];

/** `ENV A=1 B=2` (one or several instructions) as a map. */
export function envOf(s: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const text of instructions(s, 'ENV'))
    for (const pair of text.split(/\s+/)) {
      const [name, value = ''] = pair.split('=');
      env[name] = value;
    }
  return env;
}

/** A COPY's sources and destination; `from` when it copies from another stage. */
export function copies(s: Stage): { from?: string; sources: string[]; destination: string }[] {
  return instructions(s, 'COPY').map((text) => {
    const words = text.split(/\s+/);
    const flags = words.filter((w) => w.startsWith('--'));
    const paths = words.filter((w) => !w.startsWith('--'));
    const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
    return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '' };
  });
}
