// Errors the CLI turns into one clear line and an exit code: 1 for invalid input, 2 for a usage error.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, 2);
