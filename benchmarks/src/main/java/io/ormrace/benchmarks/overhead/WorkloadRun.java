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
 * time per statement of the rounds after the first two, the peak heap used, the heap still used after a GC, and the
 * median CPU time of the workload's thread per statement.
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
        double[] cpuTimes = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            long cpuStart = threadCpuNanos();
            long statements = workload.run(dataSource);
            times[round] = (System.nanoTime() - start) / 1e3 / statements;
            cpuTimes[round] = (threadCpuNanos() - cpuStart) / 1e3 / statements;
            System.out.printf(java.util.Locale.ROOT, "round %d: %.3f us/statement, %.3f us CPU%n", round + 1,
                    times[round], cpuTimes[round]);
        }

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(java.util.Locale.ROOT, "RESULT %.3f %d %d %.3f%n", median(times), peak, retained,
                median(cpuTimes));
    }

    /** The median of the rounds after the first two, which warm the JIT up. */
    private static double median(double[] rounds) {
        double[] measured = Arrays.copyOfRange(rounds, Math.min(2, rounds.length - 1), rounds.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    /**
     * CPU time of the thread running the workload, which is where the agent's work happens: unlike wall time, it does
     * not count the moments the host gives the core to someone else, nor the JIT's threads warming up.
     */
    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
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
