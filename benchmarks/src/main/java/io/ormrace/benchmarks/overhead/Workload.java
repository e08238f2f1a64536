package io.ormrace.benchmarks.overhead;

import javax.sql.DataSource;

/** A database workload timed by {@link OverheadBenchmark}: it returns how many JDBC statements it issued. */
interface Workload {

    /** Creates the schema and the rows the rounds work on. */
    void prepare(DataSource dataSource) throws Exception;

    /** One timed round. */
    long run(DataSource dataSource) throws Exception;
}
