// Where the end-to-end server runs: its own port, its own embedded database, fresh for every run.
export const E2E_PORT = 3100;
export const E2E_DATABASE_PORT = 54_331;
export const E2E_DATA_DIR = ".data/e2e";
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
