/** Limits of a member's profile; the server is the authority, the edit screen shows them live. */
export const profileLimits = {
  nicknameMax: 20,
  bioMax: 80,
  similarPageSize: 20,
} as const;
