/**
 * An email address inside free text: the emails a user typed (grounding) and the
 * ones the audit log keeps only the domain of. Global: use with match/replace.
 */
export const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
