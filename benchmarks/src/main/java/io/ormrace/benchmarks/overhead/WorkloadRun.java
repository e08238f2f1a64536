package io.ormrace.benchmarks.overhead;

import com.p6spy.engine.spy.P6DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.logging.AbstractQueryLoggingListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One measured JVM: {@code WorkloadRun <jdbc|hibernate> <none|datasource-proxy|p6spy> <rounds>}. The agent, when
 * measured, is attached by {@link OverheadBenchmark} on the command line. Prints one {@code RESULT} line: the median
 * time per statement of the rounds after the first two, the peak heap used, and the heap still used after a GC.
 */
public final class WorkloadRun {

    public static void main(String[] args) throws Exception {
        Workload workload = switch (args[0]) {
            case "jdbc" -> new JdbcWorkload();
            case "hibernate" -> new HibernateWorkload();
            default -> throw new IllegalArgumentException("workload: jdbc or hibernate, not " + args[0]);
        };
        int rounds = Integer.parseInt(args[2]);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:overhead;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        DataSource dataSource = wrap(h2, args[1]);

        workload.prepare(dataSource);
        double[] times = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            long statements = workload.run(dataSource);
            times[round] = (System.nanoTime() - start) / 1e3 / statements;
        }
        double[] measured = Arrays.copyOfRange(times, Math.min(2, rounds - 1), rounds);
        Arrays.sort(measured);
        double median = measured[measured.length / 2];

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(java.util.Locale.ROOT, "RESULT %.3f %d %d%n", median, peak, retained);
    }

    private static DataSource wrap(DataSource h2, String proxy) {
        return switch (proxy) {
            case "none" -> h2;
            // logs every statement with its parameters, to nowhere
            case "datasource-proxy" -> ProxyDataSourceBuilder.create(h2).listener(new AbstractQueryLoggingListener() {
                {
                    setLoggingCondition(() -> true);
                }

                @Override
                protected void writeLog(String message) {
                }
            }).build();
            // its file logger, pointed at /dev/null by OverheadBenchmark
            case "p6spy" -> new P6DataSource(h2);
            default -> throw new IllegalArgumentException("proxy: none, datasource-proxy or p6spy, not " + proxy);
        };
    }
}
