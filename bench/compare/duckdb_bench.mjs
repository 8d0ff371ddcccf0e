// DuckDB's side of bench/compare (run by compare.py with node):
//   node duckdb_bench.mjs aggregate --csv FILE --runs R --threads T
//     loads the world's CSV into an in-memory table (not timed), then times the per-year
//     balance of every pair and each pair's compound growth R times.
//   node duckdb_bench.mjs pair --csv FILE --threads T|all --reporter A --partner B --product P
//     end to end: read_csv into a table, then one pair's yearly balance. `all` leaves DuckDB
//     its default threads (every core).
// Values are DECIMAL(18,2), so sums are exact. Prints one JSON object.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const modulePath = path.join(checkout, '.tools', 'node_modules', '@duckdb', 'node-api');
if (!existsSync(modulePath)) {
  console.error(`DuckDB's node package is missing: ${modulePath} (install @duckdb/node-api ` +
                'into .tools, as deploy/setup.sh test does)');
  process.exit(3);
}
const duckdb = createRequire(import.meta.url)(modulePath);

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`--${name} is required`);
  return fallback;
}

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const quote = (text) => `'${text.replaceAll("'", "''")}'`;

function readCsv(file) {
  return `read_csv(${quote(file)}, header = true, columns = {
    'reporter': 'VARCHAR', 'partner': 'VARCHAR', 'product': 'VARCHAR', 'direction': 'VARCHAR',
    'year': 'INTEGER', 'value': 'DECIMAL(18,2)', 'currency': 'VARCHAR'})`;
}

// Every pair's yearly exports, imports and balance (absent when a direction is), then each
// pair's compound growth from its first year with a direction's flows to its last.
const PAIR_YEARS = `
  CREATE OR REPLACE TEMP TABLE pair_years AS
  SELECT reporter, partner, year,
         sum(value) FILTER (WHERE direction = 'X') AS exports,
         sum(value) FILTER (WHERE direction = 'M') AS imports,
         exports - imports AS balance
  FROM flows GROUP BY reporter, partner, year`;
const PAIR_GROWTH = `
  CREATE OR REPLACE TEMP TABLE pair_growth AS
  SELECT reporter, partner,
         CASE WHEN x_last > x_first AND x_start > 0 AND x_end >= 0
              THEN pow(x_end::DOUBLE / x_start::DOUBLE, 1.0 / (x_last - x_first)) - 1 END
           AS export_cagr,
         CASE WHEN m_last > m_first AND m_start > 0 AND m_end >= 0
              THEN pow(m_end::DOUBLE / m_start::DOUBLE, 1.0 / (m_last - m_first)) - 1 END
           AS import_cagr
  FROM (SELECT reporter, partner,
               min(year) FILTER (WHERE exports IS NOT NULL) AS x_first,
               max(year) FILTER (WHERE exports IS NOT NULL) AS x_last,
               arg_min(exports, year) FILTER (WHERE exports IS NOT NULL) AS x_start,
               arg_max(exports, year) FILTER (WHERE exports IS NOT NULL) AS x_end,
               min(year) FILTER (WHERE imports IS NOT NULL) AS m_first,
               max(year) FILTER (WHERE imports IS NOT NULL) AS m_last,
               arg_min(imports, year) FILTER (WHERE imports IS NOT NULL) AS m_start,
               arg_max(imports, year) FILTER (WHERE imports IS NOT NULL) AS m_end
        FROM pair_years GROUP BY reporter, partner)`;
const SUMMARY = `
  SELECT (SELECT count(*) FROM pair_growth)::BIGINT AS pairs,
         (SELECT count(*) FROM pair_years)::BIGINT AS pair_years,
         (SELECT count(balance) FROM pair_years)::BIGINT AS years_with_balance,
         (SELECT coalesce(sum(balance), 0) * 100 FROM pair_years)::BIGINT AS balance_cents,
         (SELECT count(export_cagr) + count(import_cagr) FROM pair_growth)::BIGINT AS cagr_defined,
         (SELECT coalesce(sum(export_cagr), 0) FROM pair_growth) AS export_cagr_sum,
         (SELECT coalesce(sum(import_cagr), 0) FROM pair_growth) AS import_cagr_sum`;

async function rows(connection, sql) {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson();
}

async function connect(threads) {
  const options = threads === 'all' ? {} : { threads: String(threads) };
  const instance = await duckdb.DuckDBInstance.create(':memory:', options);
  return instance.connect();
}

async function aggregate() {
  const connection = await connect(flag('threads'));
  await connection.run(`CREATE TABLE flows AS SELECT * FROM ${readCsv(flag('csv'))}`);
  const runs = [];
  for (let r = 0; r < Number(flag('runs')); ++r) {
    const start = process.hrtime.bigint();
    await connection.run(PAIR_YEARS);
    await connection.run(PAIR_GROWTH);
    runs.push(seconds(start));
  }
  const [summary] = await rows(connection, SUMMARY);
  const answer = Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, Number(v)]));
  return { runs_s: runs, answer };
}

// The answer ctrade's balance command gives for one reporter, partner and product.
async function pair() {
  const connection = await connect(flag('threads'));
  const start = process.hrtime.bigint();
  await connection.run(`CREATE TABLE flows AS SELECT * FROM ${readCsv(flag('csv'))}`);
  const read = seconds(start);
  const years = await rows(connection, `
    SELECT year, sum(value) FILTER (WHERE direction = 'X') AS exports,
           sum(value) FILTER (WHERE direction = 'M') AS imports, exports - imports AS balance
    FROM flows
    WHERE reporter = ${quote(flag('reporter'))} AND partner = ${quote(flag('partner'))}
      AND product = ${quote(flag('product'))}
    GROUP BY year ORDER BY year`);
  const analysis = seconds(start) - read;
  const [setting] = await rows(connection, "SELECT current_setting('threads') AS threads");
  return {
    threads: Number(setting.threads),
    phases_s: { read_csv: read, analysis },
    answer: years.map((y) => [Number(y.year), y.balance === null ? null : String(y.balance)]),
  };
}

const mode = process.argv[2];
const result = mode === 'aggregate' ? await aggregate() : mode === 'pair' ? await pair() : null;
if (result === null) {
  console.error('usage: node duckdb_bench.mjs aggregate|pair --csv FILE ...');
  process.exit(2);
}
console.log(JSON.stringify({ version: duckdb.version(), ...result }));
