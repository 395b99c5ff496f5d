/** Output of the operator commands: plain sentences on stdout, the reason on stderr when they stop. */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function failAndExit(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}
