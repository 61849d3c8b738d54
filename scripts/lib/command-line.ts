/**
 * The command line of every entry script: Node's `util.parseArgs`, with one answer to a bad
 * option (the problem, the usage, exit code 2; no stack trace) and checked numbers.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

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
