/** What Node's file system errors carry, read without trusting their shape. */
type SystemError = { code?: string; message?: string } | undefined;

/** `ENOENT`, `EACCES`, ...; "" when the error has no code. */
export function errorCode(error: unknown): string {
  return (error as SystemError)?.code ?? "";
}

/** `ENOENT: no such file or directory, open 'x'` as Node words it. */
export function errorText(error: unknown): string {
  return (error as SystemError)?.message ?? String(error);
}
