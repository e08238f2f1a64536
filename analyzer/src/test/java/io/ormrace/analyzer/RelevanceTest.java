package io.ormrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scan that decides which files are parsed says what the pattern it replaces says. */
class RelevanceTest {

    @Test
    void theScanAgreesWithThePattern() {
        String[] texts = {
            "@Entity class A {}", "@jakarta.persistence.Entity\npublic class A {}", "class A { @Override void f() {} }",
            "class A { EntityManager em; }", "class A { SharedEntityManagerBean b; }", "class A { UserSession s; }",
            "class A { Session s; }", "class A { SessionFactory f; }", "interface R extends JpaRepository <A, Long> {}",
            "class A { void f() { c.prepareStatement (sql); } }", "class A { String prepareStatementText; }",
            "@Transactional(readOnly = true) class S {}", "class A { @javax.persistence.Table(name=\"t\") Object x; }",
            "class A { String table; int lockModeTypeCount; }", "// Entity\nclass EntityHelper {}", "class A { DataSourceX d; }",
            "class A { LockMode m; }", "@Queryable class A {}", "class A { int x = a@Query; }"
        };
        for (String text : texts) {
            assertThat(Relevance.usesDatabase(text)).as(text).isEqualTo(PATTERN.matcher(text).find());
        }
    }

    @Test
    void fieldTypesAndThePackageAreWhatThePatternsFindAnywhereInTheText() {
        String[] texts = {
            "package a.b;\r\nimport x.y.Foo;\r\nclass A {\r\n\tprivate Foo foo;\r\n  public static final Bar<Baz> BAR = null;\n}",
            "class A {\n\n   \n    private\n    final Foo foo;\n}", "class A { private Foo foo; }",
            "  package p;\nclass A {\r    protected Foo f;\r}", "class A {\n    private Foo a; private Bar b;\n}",
            "class A {\n    private Foo a;\n    private Foo b;\n    static Baz c;\n}", "class A {\n    public Foo f() { }\n}",
            "/* package q; */\npackage p;\nclass A {}", "",
            "class A {\n\f    private Foo f;\n\u000B  private Bar b;\n}",
            "package p;\u2028import x.y.Foo;\u2029import a.b.Bar;\u0085class A {\u2028    private Foo f;\u2028    private Bar b;\u2028}",
            "package p;\nimport x.y.Foo;\nimport x.y.Outer.Inner;\nimport static x.y.Z.w;\nclass A {\n    private Foo f;\n"
                    + "    private Inner i;\n    private Baz z;\n}"
        };
        for (String text : texts) {
            Relevance.Summary summary = Relevance.summarize(text);
            java.util.regex.Matcher fields = Relevance.FIELD_TYPE.matcher(text);
            java.util.Set<Integer> expected = new java.util.TreeSet<>();
            while (fields.find()) {
                expected.add(fields.group(1).hashCode());
            }
            assertThat(summary.used()).as(text).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
            java.util.Map<Integer, Integer> imported = new java.util.HashMap<>();
            java.util.regex.Matcher imports = Relevance.IMPORT.matcher(text);
            while (imports.find()) {
                String last = imports.group(1).substring(imports.group(1).lastIndexOf('.') + 1);
                if (Character.isLowerCase(last.charAt(0))) {
                    imported.put(imports.group(2).hashCode(), imports.group(1).hashCode());
                }
            }
            assertThat(summary.usedFrom()).as(text)
                    .containsExactly(java.util.Arrays.stream(summary.used()).map(used -> imported.getOrDefault(used, 0)).toArray());
            java.util.regex.Matcher pack = Relevance.PACKAGE.matcher(text);
            assertThat(summary.ownPackage()).as(text).isEqualTo(pack.find() ? pack.group(1).hashCode() : 0);
        }
    }

    @Test
    void aHierarchyIsReadUpFromAnyRelevantTypeAndDownOnlyFromADatabaseType() {
        java.util.List<String> texts = java.util.List.of(
                "class JpaStore implements Store, Marker { private EntityManager em; }",
                "interface Store { }",
                "interface Marker { }",
                "class Other implements Marker { }",
                "class OrderDao extends JpaStore { }",
                "class Checkout {\n    private Store store;\n}",
                "class Unrelated { }");
        boolean[] relevant = Relevance.relevant(texts.stream().map(Relevance::summarize).toList());

        assertThat(relevant).containsExactly(true, true, true, false, true, true, false);
    }

    @Test
    void aTypeNamedInACommentIsNotDeclaredThere() {
        java.util.List<String> texts = java.util.List.of(
                "/** Stores rows; the key is a class String, the log an interface Logger. */\n"
                        + "@Repository\npublic class OrderStore { private EntityManager em;\n"
                        + "    @SuppressWarnings(\"x\") static final class Page { }\n"
                        + "    record Key(long id) { } }",
                "class Names {\n    private String name;\n    private Logger log;\n}",
                "class Paging {\n    private Page page;\n}",
                "class Keys {\n    private Key key;\n}");
        boolean[] relevant = Relevance.relevant(texts.stream().map(Relevance::summarize).toList());

        assertThat(relevant).containsExactly(true, false, true, true);
    }

    @Test
    void aFieldOfALibraryTypeNamedLikeAnEntityDoesNotMakeAFileRelevant() {
        java.util.List<String> texts = java.util.List.of(
                "package shop.audit;\n@Entity\npublic class Logger { @Id Long id; }",
                "package shop.web;\nimport org.slf4j.Logger;\nclass Pages {\n    private static final Logger log = null;\n}",
                "package shop.audit;\nclass AuditTrail {\n    private Logger logger;\n}",
                "package shop.web;\nimport shop.audit.Logger;\nclass AuditPage {\n    private Logger logger;\n}");
        boolean[] relevant = Relevance.relevant(texts.stream().map(Relevance::summarize).toList());

        assertThat(relevant).containsExactly(true, false, true, true);
    }

    private static final java.util.regex.Pattern PATTERN = Relevance.DATABASE;
}
