// Placeholders shown by the loading.tsx files while a page's data is read on the server.
import styles from "./skeleton.module.css";

function Block({ kind }: { kind: "title" | "line" | "row" | "tile" }) {
  return <div className={`${styles.block} ${styles[kind]}`} aria-hidden="true" />;
}

function Loading({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="page" role="status" aria-busy="true" aria-label={label}>
      <Block kind="title" />
      {children}
    </div>
  );
}

/** A page header and a table of `rows` rows (the case list). */
export function TableSkeleton({ label, rows = 10 }: { label: string; rows?: number }) {
  return (
    <Loading label={label}>
      <Block kind="line" />
      <div className="card stack">
        {Array.from({ length: rows }, (_, index) => (
          <Block key={index} kind="row" />
        ))}
      </div>
    </Loading>
  );
}

/** A row of figure tiles above a table (the dashboard, the annual report). */
export function TilesSkeleton({ label, tiles = 4, rows = 6 }: { label: string; tiles?: number; rows?: number }) {
  return (
    <Loading label={label}>
      <div className={styles.tiles}>
        {Array.from({ length: tiles }, (_, index) => (
          <Block key={index} kind="tile" />
        ))}
      </div>
      <div className="card stack">
        {Array.from({ length: rows }, (_, index) => (
          <Block key={index} kind="row" />
        ))}
      </div>
    </Loading>
  );
}
