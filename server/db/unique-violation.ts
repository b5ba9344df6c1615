/** True when the error (or one it wraps: Drizzle wraps driver errors) broke this unique constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (
    let current = error;
    current && typeof current === 'object';
    current = (current as { cause?: unknown }).cause
  ) {
    const { code, constraint: broken } = current as { code?: string; constraint?: string };
    if (code === '23505' && broken === constraint) return true;
  }
  return false;
}
