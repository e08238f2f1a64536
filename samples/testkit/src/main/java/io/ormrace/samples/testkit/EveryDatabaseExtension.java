package io.ormrace.samples.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

final class EveryDatabaseExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabase.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(EveryDatabase.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Arrays.stream(Database.values()).map(OnDatabase::new);
    }

    private record OnDatabase(Database database) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + database.displayName() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(condition(), resolver(), (AfterEachCallback) context -> testDatabase(context).clearBreakpoints());
        }

        private ExecutionCondition condition() {
            return context -> Availability.problem(database)
                    .filter(problem -> !Availability.underCi())
                    .map(ConditionEvaluationResult::disabled)
                    .orElseGet(() -> ConditionEvaluationResult.enabled(database + " is available"));
        }

        private ParameterResolver resolver() {
            return new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
                    return parameter.getParameter().getType() == TestDatabase.class;
                }

                @Override
                public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
                    return testDatabase(context);
                }
            };
        }

        private TestDatabase testDatabase(ExtensionContext context) {
            Availability.problem(database).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
            String name = context.getConfigurationParameter("ormrace.samples.database").orElse("ormrace_samples");
            String h2Settings = context.getConfigurationParameter("ormrace.samples.h2.settings").orElse("");
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(database,
                    key -> TestDatabase.create(database, name, h2Settings), TestDatabase.class);
        }
    }
}
