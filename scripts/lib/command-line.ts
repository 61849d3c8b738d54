/**
 * The command line of every entry script: Node's `util.parseArgs`, with one answer to a bad
 * option (the problem, the usage, exit code 2; no stack trace) and checked numbers.
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseShard, type Shard } from '../../src/lib/site/shard.ts';

/** Stops the command with a message and the usage (exit code 2, as for any misuse). */
export function usageError(message: string, usage: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

/** Parses `process.argv` by `config`; an unknown or malformed option stops with the usage. */
export function commandLine<const C extends ParseArgsConfig>(
  config: C,
  usage: string,
): ReturnType<typeof parseArgs<C>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return usageError(`${message}\n选项有误，用法见下。/ See the usage below.`, usage);
  }
}

/** A whole number of at least `min` from an option, or undefined when the option is not given. */
export function wholeNumber(
  name: string,
  value: string | undefined,
  usage: string,
  min = 1,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    usageError(
      `--${name} 应为不小于 ${min} 的整数，而不是 “${value}”。/ ` +
        `--${name} expects a whole number of at least ${min}, got "${value}".`,
      usage,
    );
  }
  return n;
}

/** A shard (`i/n`) from an option, or undefined when the option is not given. */
export function shardOption(value: string | undefined, usage: string): Shard | undefined {
  if (value === undefined) return undefined;
  try {
    return parseShard(value);
  } catch (error) {
    return usageError((error as Error).message, usage);
  }
}

/**
 * Where the user typed the command: npm runs scripts in the project folder and says where it was
 * called from in INIT_CWD.
 */
export function callerDirectory(): string {
  return process.env['INIT_CWD'] ?? process.cwd();
}

/** A path the user typed, taken from where they typed it. */
export function fromCaller(path: string): string {
  return resolve(callerDirectory(), path);
}
