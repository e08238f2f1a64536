package io.ormrace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.agent.state.CallSite;
import io.ormrace.agent.state.Caller;
import io.ormrace.scenarios.Capturing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CallSitesTest {

    private final CallSites sites = new CallSites(List.of(), List.of());

    @BeforeAll
    static void openBacktraces() {
        Backtraces.open(null); // java.lang is opened to the tests on surefire's command line
    }

    @Test
    void aStackCapturedOnTheSamePathIsResolvedOnce() {
        assertThat(Backtraces.readable()).isTrue();
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            callers.add(Capturing.here(sites::capture));
        }
        Caller other = Capturing.elsewhere(sites::capture);

        for (Caller caller : callers) {
            assertThat(caller.site()).isEqualTo(new CallSite(Capturing.class.getName(), "here", "Capturing.java", 12));
        }
        assertThat(sites.resolvedStacks()).isEqualTo(1);
        assertThat(other.site()).isEqualTo(new CallSite(Capturing.class.getName(), "elsewhere", "Capturing.java", 16));
        assertThat(sites.resolvedStacks()).isEqualTo(2);
    }

    @Test
    void noApplicationFrameIsNoSite() {
        Caller caller = sites.capture(); // only the agent's own frames, the test runner and the JDK
        assertThat(caller.site()).isNull();
    }

    @Test
    void anIncludedPackageIsTheApplicationEvenBelowABuiltInLibraryPrefix() {
        StackTraceElement[] stack = {
            new StackTraceElement("org.hibernate.internal.SessionImpl", "find", "SessionImpl.java", 10),
            new StackTraceElement("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "findById",
                    "SimpleJpaRepository.java", 20),
            new StackTraceElement("org.springframework.samples.petclinic.owner.OwnerController", "show", "OwnerController.java", 30)};

        assertThat(new CallSites(List.of(), List.of()).resolve(stack)).isNull();
        assertThat(new CallSites(List.of("org.springframework.samples."), List.of()).resolve(stack)).isEqualTo(
                new CallSite("org.springframework.samples.petclinic.owner.OwnerController", "show", "OwnerController.java", 30));
        assertThat(new CallSites(List.of("org.springframework.samples."), List.of("org.springframework.samples.petclinic."))
                .resolve(stack)).isNull();
    }
}
