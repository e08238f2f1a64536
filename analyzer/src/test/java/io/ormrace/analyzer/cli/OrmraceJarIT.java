package io.ormrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as users run it: {@code java -jar analyzer/target/ormrace.jar}. */
class OrmraceJarIT {

    @Test
    void theShadedJarRunsOnTheSamples() throws Exception {
        Path jar = Path.of("target", "ormrace.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "../samples/spring-shop/src/main")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("PostService.java:25:9: error: [lost-update]");
        assertThat(Files.size(jar)).isGreaterThan(1_000_000);
    }
}
