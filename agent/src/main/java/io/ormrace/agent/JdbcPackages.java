package io.ormrace.agent;

/**
 * Packages by name: the large frameworks and libraries of a test run that implement no {@code Connection},
 * {@code Statement}, {@code ResultSet} or {@code Driver} of their own, decided before any class file is parsed. Apart
 * from {@link JdbcInstrumentation} so that the start-up filter can use them without loading ByteBuddy.
 */
final class JdbcPackages {

    private JdbcPackages() {
    }

    static final String[] NEVER_JDBC = {"net.bytebuddy.", "io.ormrace.agent.", "java.", "javax.", "jdk.", "sun.", "com.sun.",
        "org.springframework.", "org.hibernate.", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.util.",
        "org.apache.el.", "org.apache.logging.", "org.apache.commons.logging.", "org.thymeleaf.", "org.attoparser.",
        "org.unbescape.", "ch.qos.logback.", "org.slf4j.", "org.junit.", "org.opentest4j.", "org.apiguardian.",
        "org.mockito.", "org.objenesis.", "org.assertj.", "org.hamcrest.", "org.xmlunit.", "org.skyscreamer.",
        "com.jayway.", "net.minidev.", "com.fasterxml.", "tools.jackson.", "io.micrometer.", "org.aspectj.", "org.yaml.",
        "org.jboss.logging.", "org.glassfish.", "jakarta.", "kotlin.", "scala.", "groovy.", "org.codehaus.groovy.",
        "com.google.common.", "io.netty.", "reactor.", "org.antlr.", "org.webjars.", "org.apache.maven.surefire."};

    /** Inside those packages, the ones that do hold JDBC classes (Spring's own data sources and proxies). */
    static final String[] STILL_JDBC = {"org.springframework.jdbc."};
}
