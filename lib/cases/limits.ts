// Length limits of text fields that the forms show as counters before they bite (the schemas use the same numbers).
export const REQUEST_CONTENT_MAX = 5000;
export const EXTENSION_REASON_MAX = 500;
