import type Database from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

/**
 * Kysely over one better-sqlite3 connection, as the store needs it (Kysely's own SqliteDialect lets a query from
 * another caller run inside an open transaction, and begins deferred transactions):
 * - one caller at a time holds the connection (a transaction holds it from BEGIN to COMMIT; others wait their turn);
 * - transactions begin IMMEDIATE: the write lock is taken (waiting up to the busy timeout) before anything is read,
 *   so a command never fails half-way on a lock held by another process;
 * - each distinct statement is prepared once and kept (the store has a few dozen), as the store did before Kysely.
 */
export class StoreSqliteDialect implements Dialect {
  constructor(private readonly db: Database.Database) {}
  createDriver(): Driver {
    return new LockingSqliteDriver(this.db);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

const STATEMENT_CACHE_LIMIT = 500;

class StatementConnection implements DatabaseConnection {
  private readonly statements = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}

  private prepare(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      // a query built with a varying IN list makes one text per length: bound the cache all the same
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
      this.statements.set(text, statement);
    }
    return statement;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.prepare(compiled.sql);
    const parameters = compiled.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(...parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  // biome-ignore lint/correctness/useYield: the store never streams; Kysely's interface requires the method
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the store does not stream queries');
  }
}

class LockingSqliteDriver implements Driver {
  private readonly connection: StatementConnection;
  private held: Promise<void> | null = null;
  private release: (() => void) | null = null;

  constructor(private readonly db: Database.Database) {
    this.connection = new StatementConnection(db);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    while (this.held) await this.held;
    this.held = new Promise<void>((resolve) => {
      this.release = resolve;
    });
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.held = null;
    this.release = null;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(): Promise<void> {
    // a failed statement may already have ended the transaction (SQLite rolls back on some errors)
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  async destroy(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
