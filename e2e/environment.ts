// Where the end-to-end server runs: its own port, its own embedded database, fresh for every run.
// E2E_PORT and E2E_DATABASE_PORT move both, so that two checkouts can run their end-to-end tests at once.
const portFromEnvironment = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

export const E2E_PORT = portFromEnvironment("E2E_PORT", 3100);
export const E2E_DATABASE_PORT = portFromEnvironment("E2E_DATABASE_PORT", 54_331);
export const E2E_DATA_DIR = ".data/e2e";
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
