// The length bounds of a password, shared by the server's policy (password-policy.ts) and the forms.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
