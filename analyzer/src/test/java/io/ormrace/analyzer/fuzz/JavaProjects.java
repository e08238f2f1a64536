package io.ormrace.analyzer.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates a small Java project from a list of numbers: JPA entities, Spring Data repositories whose method names
 * follow Spring Data's derived query grammar (and break it), services that use them, JPA, JDBC and programmatic
 * transactions, with odd arities, lambdas, switch expressions, records and generics. The code parses (mostly); it
 * does not compile, nor need to: the analyzer reads source, it does not type it.
 */
final class JavaProjects {

    private static final List<String> ENTITY_NAMES = List.of("Account", "Wallet", "Tag", "Device", "Coupon", "PurchaseOrder",
            "Item", "E", "Ünit", "Order_");
    private static final List<String> FIELD_NAMES = List.of("balance", "name", "code", "tenant", "status", "count", "value",
            "slug", "serialNumber", "email", "owner", "addressZipCode", "version", "a", "x1", "orderBy", "isNull", "and",
            "or", "first", "top10", "distinct", "all", "ignoreCase", "_name", "$", "byName", "in", "existsFlag", "id");
    private static final List<String> FIELD_TYPES = List.of("long", "String", "int", "Long", "boolean", "Integer",
            "java.math.BigDecimal", "Instant", "List<String>", "byte[]", "Status");
    private static final List<String> SUBJECTS = List.of("find", "read", "get", "query", "search", "stream", "count",
            "exists", "delete", "remove");
    private static final List<String> OPERATORS = List.of("", "Is", "Equals", "Not", "IsNot", "In", "NotIn", "IsNull",
            "Null", "IsNotNull", "NotNull", "Between", "LessThan", "LessThanEqual", "GreaterThan", "GreaterThanEqual",
            "Before", "After", "Like", "NotLike", "StartingWith", "StartsWith", "EndingWith", "Containing", "Contains",
            "NotContaining", "IsEmpty", "IsNotEmpty", "True", "False", "IsTrue", "Near", "Within", "Regex", "Matches",
            "MatchesRegex", "Exists", "IgnoreCase", "IgnoringCase", "AllIgnoreCase", "AllIgnoringCase");
    private static final List<String> LOCKS = List.of("PESSIMISTIC_WRITE", "PESSIMISTIC_READ", "OPTIMISTIC",
            "PESSIMISTIC_FORCE_INCREMENT", "NONE", "READ", "WRITE", "UPGRADE", "OPTIMISTIC_FORCE_INCREMENT");
    private static final List<String> PROPAGATIONS = List.of("REQUIRED", "REQUIRES_NEW", "NESTED", "SUPPORTS",
            "NOT_SUPPORTED", "NEVER", "MANDATORY");

    private final Choices c;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<Entity> entities = new ArrayList<>();
    private final List<Repo> repos = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();

    private record Entity(String name, String table, List<String> fields, List<String> methods) {
    }

    private record Repo(String name, Entity entity, List<String> methods) {
    }

    private record Service(String name, List<String> methods) {
    }

    private JavaProjects(Choices choices) {
        this.c = choices;
    }

    static Map<String, String> generate(Choices choices) {
        return new JavaProjects(choices).project();
    }

    private Map<String, String> project() {
        int entityCount = 1 + c.below(3);
        for (int i = 0; i < entityCount; i++) {
            String name = ENTITY_NAMES.get((i + c.below(ENTITY_NAMES.size())) % ENTITY_NAMES.size());
            if (entities.stream().anyMatch(e -> e.name().equals(name))) {
                continue;
            }
            List<String> fields = new ArrayList<>(List.of("id"));
            int fieldCount = 1 + c.below(5);
            for (int f = 0; f < fieldCount; f++) {
                String field = c.pick(FIELD_NAMES);
                if (!fields.contains(field)) {
                    fields.add(field);
                }
            }
            entities.add(new Entity(name, c.maybe(30) ? c.pick("t_" + snake(name), "\"" + name + "\"", "shop." + snake(name), "", " ")
                    : snake(name), fields, new ArrayList<>()));
        }
        for (Entity entity : entities) {
            entity(entity);
        }
        if (c.maybe(30)) {
            mappedSuperclass();
        }
        for (Entity entity : entities) {
            if (!c.maybe(15)) {
                repository(entity);
            }
        }
        if (c.maybe(20)) {
            files.put("gen/CyclicRepository.java", "package gen;\n\ninterface CyclicRepository extends OtherCyclicRepository {\n"
                    + "    Optional<" + entities.get(0).name() + "> findByName(String name);\n}\n\n"
                    + "interface OtherCyclicRepository extends CyclicRepository {\n}\n");
        }
        int serviceCount = 1 + c.below(2);
        for (int i = 0; i < serviceCount; i++) {
            services.add(new Service("Service" + i, new ArrayList<>()));
        }
        for (Service service : services) {
            int methods = 1 + c.below(4);
            for (int m = 0; m < methods; m++) {
                service.methods().add(c.pick("run", "pay", "getOrCreate", "deposit", "helper", "update", "m" + m, "apply"));
            }
        }
        for (Service service : services) {
            service(service);
        }
        if (c.maybe(40)) {
            jdbcDao();
        }
        return files;
    }

    // ---------------------------------------------------------------- entities and repositories

    private void entity(Entity entity) {
        StringBuilder out = new StringBuilder("package gen;\n\n").append(c.maybe(20) ? "import javax.persistence.*;\n"
                : "import jakarta.persistence.*;\n").append("import java.util.*;\n\n");
        out.append(c.maybe(15) ? "@Entity(name = " + str(entity.table()) + ")\n" : "@Entity\n");
        if (c.maybe(50)) {
            out.append("@Table(name = ").append(str(entity.table()));
            if (c.maybe(40)) {
                boolean array = c.maybe(50);
                out.append(", uniqueConstraints = ").append(array ? "{" : "").append("@UniqueConstraint(columnNames = ")
                        .append(columnNames(entity)).append(")").append(array && c.maybe(30) ? ", @UniqueConstraint(name = \"uk\")" : "")
                        .append(array ? "}" : "");
            }
            if (c.maybe(30)) {
                out.append(", indexes = @Index(columnList = ").append(str(c.pick(entity.fields()) + c.pick("", ", ", " desc, ", ",,")
                        + c.pick(entity.fields()))).append(c.pick(", unique = true", "", ", unique = false", ", unique = \"true\"")).append(")");
            }
            out.append(")\n");
        }
        if (c.maybe(10)) {
            out.append("@OptimisticLocking(type = OptimisticLockType.").append(c.pick("DIRTY", "ALL", "VERSION", "NONE")).append(")\n");
        }
        String keyword = c.maybe(5) ? c.pick("record", "enum", "interface") : "class";
        out.append("public ").append(keyword).append(" ").append(entity.name());
        if (keyword.equals("record")) {
            out.append("(Long id)");
        }
        if (c.maybe(20) && keyword.equals("class")) {
            out.append(" extends ").append(c.pick("Base", entity.name(), entities.get(0).name(), "Object"));
        }
        out.append(" {\n");
        if (keyword.equals("enum")) {
            out.append("    A, B;\n");
        }
        for (String field : keyword.equals("record") ? List.<String>of() : entity.fields()) {
            out.append("    ");
            if (field.equals("id")) {
                out.append(c.pick("@Id ", "@Id @GeneratedValue ", "@EmbeddedId ", ""));
            }
            out.append(c.maybe(25) ? c.pick("@Version ", "@NaturalId ", "@Transient ", "@Column(name = " + str(c.pick("col_" + field, "",
                    "\"Quoted\"", "a.b")) + c.pick("", ", unique = true", ", unique = false") + ") ", "@Column(unique = true) ",
                    "@ManyToOne ", "@ManyToOne @JoinColumn(name = \"owner_ref\", unique = true) ", "@OneToOne ", "@Embedded ",
                    "@Column ") : "");
            out.append(c.maybe(10) ? c.pick("static ", "transient ", "final ") : "").append("private ")
                    .append(field.equals("id") ? c.pick("Long", "long", "String", "UUID") : c.maybe(20) ? c.pick(entities).name()
                            : c.pick(FIELD_TYPES))
                    .append(" ").append(field).append(c.maybe(10) ? ", other" + field : "").append(c.maybe(10) ? " = 0" : "").append(";\n");
        }
        for (String field : entity.fields()) {
            if (c.maybe(80)) {
                String cap = cap(field);
                out.append("    public long get").append(cap).append("() { return ").append(field).append("; }\n");
                out.append("    public void set").append(cap).append("(long value) { this.").append(field).append(" = value; }\n");
            }
        }
        int domain = c.below(3);
        for (int i = 0; i < domain; i++) {
            String field = c.pick(entity.fields());
            String method = c.pick("add", "withdraw", "bump", "rename", "touch", "set", "get", "is");
            entity.methods().add(method);
            out.append("    public ").append(c.pick("void", "long", "boolean", entity.name())).append(" ").append(method).append("(")
                    .append(c.pick("long amount", "", "long amount, String why", "long... amounts")).append(") {\n")
                    .append("        ").append(c.pick(
                            "this." + field + " = this." + field + " + amount;",
                            field + "++;",
                            "if (" + field + " > 0) { " + field + " = 0; }",
                            field + " += amount;",
                            "this." + field + "--;",
                            "return " + field + ";",
                            "return this;",
                            "set" + cap(field) + "(get" + cap(field) + "() - 1);",
                            "if (this." + field + " == null) { throw new IllegalStateException(); }"))
                    .append("\n    }\n");
        }
        if (c.maybe(10)) {
            out.append("    public ").append(entity.name()).append("(").append(c.pick("", "long id", "String... names")).append(") { }\n");
        }
        out.append("}\n");
        files.put("gen/" + entity.name() + ".java", out.toString());
    }

    private String columnNames(Entity entity) {
        return switch (c.below(5)) {
            case 0 -> "{" + str(snake(c.pick(entity.fields()))) + "}";
            case 1 -> "{" + str(snake(c.pick(entity.fields()))) + ", " + str(snake(c.pick(entity.fields()))) + "}";
            case 2 -> str(c.pick(entity.fields()));
            case 3 -> "{}";
            default -> c.pick("{\"\"}", "{null}", "{1}", "COLUMNS", "{\"a\" + \"b\"}", "{\"\"\"\n        code\"\"\"}");
        };
    }

    private void mappedSuperclass() {
        files.put("gen/Base.java", "package gen;\n\nimport jakarta.persistence.*;\n\n@MappedSuperclass\npublic abstract class Base"
                + (c.maybe(30) ? " extends " + c.pick("Base", entities.get(0).name()) : "") + " {\n"
                + (c.maybe(60) ? "    @Version\n    private long version;\n" : "")
                + (c.maybe(50) ? "    @Id\n    private Long id;\n" : "") + "}\n");
    }

    private void repository(Entity entity) {
        String name = entity.name() + "Repository";
        Repo repo = new Repo(name, entity, new ArrayList<>());
        repos.add(repo);
        StringBuilder out = new StringBuilder("package gen;\n\nimport java.util.*;\nimport jakarta.persistence.LockModeType;\n")
                .append("import org.springframework.data.jpa.repository.*;\n\n");
        String base = c.pick("JpaRepository<" + entity.name() + ", Long>", "CrudRepository<" + entity.name() + ", Long>",
                "Repository<" + entity.name() + ", Long>", "JpaRepository", "JpaRepository<?, Long>",
                "JpaRepository<List<" + entity.name() + ">, Long>", "JpaRepository<" + entity.name() + "[], Long>",
                "BaseRepository<" + entity.name() + ">", "ListCrudRepository<" + entity.name() + ", UUID>",
                "JpaRepository<gen." + entity.name() + ", Long>", "JpaRepository<" + entity.name() + ", Long>, Other");
        if (base.startsWith("BaseRepository")) {
            out.append("interface BaseRepository<T> extends JpaRepository<T, Long> {\n    Optional<T> findByName(String name);\n}\n\n");
        }
        if (c.maybe(10)) {
            out.append("@RepositoryDefinition(domainClass = ").append(c.pick(entity.name() + ".class", "\"" + entity.name() + "\"",
                    "Object.class")).append(", idClass = Long.class)\n");
        }
        out.append("public interface ").append(name).append(c.maybe(10) ? "<T>" : "").append(" extends ").append(base).append(" {\n");
        int methods = c.below(6);
        for (int i = 0; i < methods; i++) {
            String method = c.maybe(85) ? derivedName(entity) : junkName();
            repo.methods().add(method);
            out.append(repositoryMethod(entity, method));
        }
        if (c.maybe(15)) {
            String find = repo.methods().isEmpty() ? "findById" : repo.methods().get(0);
            out.append("    default ").append(entity.name()).append(" getOrCreate(String name) {\n        return ").append(find)
                    .append("(name).orElseGet(() -> save(new ").append(entity.name()).append("()));\n    }\n");
        }
        out.append("}\n");
        files.put("gen/" + name + ".java", out.toString());
    }

    private String repositoryMethod(Entity entity, String method) {
        StringBuilder out = new StringBuilder();
        switch (c.below(10)) {
            case 0, 1, 2, 3, 4 -> {
            }
            case 5 -> out.append("    @Query(").append(str(jpql(entity))).append(")\n");
            case 6 -> out.append("    @Query(value = ").append(str(sql(entity))).append(", nativeQuery = true)\n");
            case 7 -> out.append("    @Lock(").append(c.pick("LockModeType.", "", "value = LockModeType.")).append(c.pick(LOCKS)).append(")\n");
            case 8 -> out.append("    @Modifying").append(c.pick("", "(clearAutomatically = true)")).append("\n    @Query(")
                    .append(str(c.pick("update " + entity.name() + " e set e.balance = e.balance + :d where e.id = :id",
                            "delete from " + entity.name() + " e where e.id = ?1"))).append(")\n");
            default -> out.append("    ").append(c.pick("@Query", "@Query(nativeQuery = true)", "@Query(value = \"select\" + \" e from "
                    + entity.name() + " e where e.name = :n\")", "@NativeQuery(\"select * from t where a = ? for update\")", "@Lock",
                    "@Query(value = 1)", "@Query(\"\"\"\n        select e from " + entity.name() + " e where e.code = :c\n        \"\"\")",
                    "@Lock(LockModeType.PESSIMISTIC_WRITE) @Query(\"select e from " + entity.name() + " e where e.id = :id\")",
                    "@Transactional")).append("\n");
        }
        String returns = c.pick("Optional<" + entity.name() + ">", entity.name(), "List<" + entity.name() + ">", "boolean", "long",
                "int", "Boolean", "Long", "void", "Stream<" + entity.name() + ">", "Page<" + entity.name() + ">",
                "Collection<" + entity.name() + ">", "Optional<Long>", entity.name() + "[]", "<S extends " + entity.name() + "> S",
                "Iterable<" + entity.name() + ">", "Slice<" + entity.name() + ">", "Set<" + entity.name() + ">");
        out.append("    ").append(returns).append(" ").append(method).append("(").append(parameters(entity)).append(");\n");
        return out.toString();
    }

    private String parameters(Entity entity) {
        int count = c.below(5);
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parameters.add(c.pick("String name", "Long id", entity.name() + " entity", "Pageable page", "Sort sort", "long value",
                    "Collection<String> names", "@Param(\"n\") String n") + i);
        }
        if (c.maybe(10)) {
            parameters.add("String... rest");
        }
        return String.join(", ", parameters);
    }

    /** A name of Spring Data's derived query grammar, or a near miss of it. */
    private String derivedName(Entity entity) {
        StringBuilder name = new StringBuilder(c.pick(SUBJECTS));
        name.append(c.pick("", "", "Distinct", "First", "Top", "Top10", "First3", "All", "DistinctAll", "Top0", "Top2147483648",
                entity.name(), entity.name() + "s", "AllBy"));
        if (c.maybe(90)) {
            name.append("By");
        }
        int groups = c.below(4);
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                name.append("Or");
            }
            int predicates = 1 + c.below(3);
            for (int p = 0; p < predicates; p++) {
                if (p > 0) {
                    name.append("And");
                }
                name.append(property(entity)).append(c.pick(OPERATORS));
            }
        }
        if (c.maybe(20)) {
            name.append(c.pick("AllIgnoreCase", "AllIgnoringCase", "IgnoreCase"));
        }
        if (c.maybe(25)) {
            name.append("OrderBy");
            int orders = c.below(3);
            for (int o = 0; o < orders; o++) {
                name.append(property(entity)).append(c.pick("", "Asc", "Desc"));
            }
        }
        return name.toString();
    }

    private String property(Entity entity) {
        return switch (c.below(6)) {
            case 0, 1, 2 -> cap(c.pick(entity.fields()));
            case 3 -> cap(c.pick(entity.fields())) + "_" + cap(c.pick(FIELD_NAMES));
            case 4 -> c.pick("", "_", "__", "Id", "OwnerId", "Owner_Id", "AddressZipCode", "Address_ZipCode", "Ünicode", "X_", "_X");
            default -> cap(c.pick(FIELD_NAMES));
        };
    }

    private String junkName() {
        return c.pick("By", "findBy", "findByAnd", "findByOr", "findByOrderBy", "findAllByOrderByNameAsc", "findByIgnoreCase",
                "findBy_", "existsBy__", "countByOrOr", "deleteAllByOrderByNameAsc", "findByNameAndAnd", "findByNameOrderBy",
                "findTopBy", "findFirst0By", "getBy", "streamAllBy", "findByAllIgnoreCase", "findByNameIsNotNullIgnoreCase",
                "findByIsNull", "findByNot", "findByIs", "findByEquals", "findByOrderByDesc", "readFirstByOrOrderBy", "find",
                "findAll", "save", "findById", "queryByNameOrNameOrName", "searchByÄpfel", "removeBy$", "findBy1", "findByOrAnd");
    }

    private String jpql(Entity entity) {
        String field = c.pick(entity.fields());
        return c.pick("select e from " + entity.name() + " e where e." + field + " = :" + field,
                "select e from " + entity.name() + " e where e." + field + " = ?1 and e.id = ?2",
                "select e from " + entity.name() + " e where e." + field + " = :a or e.id = :b",
                "select count(e) from " + entity.name() + " e where e." + field + " = :" + field,
                "from " + entity.name() + " where " + field + " = :v",
                "select e from " + entity.name() + " e",
                "select e from " + entity.name() + " e where e.owner.id = :id order by e.id",
                "select e from Unknown e where e.x = :x",
                "", "select", "where", "where =", " = :", "select e from " + entity.name() + " e where = :x",
                "update " + entity.name() + " e set e." + field + " = :v where e.id = :id");
    }

    private String sql(Entity entity) {
        String table = entity.table();
        String column = snake(c.pick(entity.fields()));
        return c.pick("select * from " + table + " where " + column + " = ?",
                "select * from " + table + " where " + column + " = ? for update",
                "select " + column + ", id from " + table + " where id = ?",
                "select count(*) from " + table + " where " + column + " = ?",
                "update " + table + " set " + column + " = ? where id = ?",
                "update " + table + " set " + column + " = " + column + " + ? where id = ?",
                "update " + table + " set " + column + " = :v where id = :id",
                "update " + table + " set " + column + " = ?, version = version + 1 where id = ? and version = ?",
                "insert into " + table + " (" + column + ") values (?)",
                "insert into " + table + " (" + column + ") values (?) on conflict do nothing",
                "insert ignore into " + table + " values (?)", "merge into " + table + " using x",
                "delete from " + table + " where id = ?",
                "with x as (select 1) select * from " + table + " where " + column + " = ?",
                "select * from \"" + table + "\" where \"" + column + "\" = ? for share",
                "SELECT * FROM " + table.toUpperCase(Locale.ROOT) + " WHERE ID = ? LOCK IN SHARE MODE",
                "", " ", "select", "update", "insert", "delete", "select from", "select . from " + table, "update " + table + " set . = ?",
                "update " + table + " where id = ? set " + column + " = ?", "update set", "update " + table + " set = ? where",
                "update " + table + " set " + column + " = ?,, x = ? where id = ?", "select * from where = ?",
                "update " + table + " set (" + column + ") = (?) where id = ?", "update " + table + " set " + column + " == ?",
                "select a,, b from " + table, "select ( from " + table + " where a = ?");
    }

    // ---------------------------------------------------------------- services

    private void service(Service service) {
        StringBuilder out = new StringBuilder("package gen;\n\nimport java.sql.*;\nimport java.util.*;\nimport java.util.function.*;\n")
                .append("import jakarta.persistence.*;\nimport org.springframework.transaction.annotation.*;\n\n");
        out.append(c.pick("@Service\n", "", "@Component\n", "@SuppressWarnings(\"ormrace\")\n", "@Service\n@Transactional\n",
                "@Transactional(readOnly = true)\n", "@SuppressWarnings({\"ormrace:lost-update\", \"unchecked\"})\n"));
        String kind = c.maybe(8) ? c.pick("record", "enum", "interface") : "class";
        out.append("public ").append(kind).append(" ").append(service.name())
                .append(c.maybe(10) && !kind.equals("enum") ? "<T extends " + entities.get(0).name() + ">" : "")
                .append(kind.equals("record") ? "(long id)" : "")
                .append(c.maybe(10) ? " implements " + c.pick("Runnable", "Api", service.name()) : "").append(" {\n");
        if (kind.equals("enum")) {
            out.append("    INSTANCE;\n");
        }
        String fields = kind.equals("record") ? "    static " : "    private final ";
        for (Repo repo : repos) {
            out.append(fields).append(repo.name()).append(" ").append(field(repo.name())).append(";\n");
        }
        for (String field : List.of("EntityManager em", "JdbcTemplate jdbc", "DataSource dataSource", "TransactionTemplate tt",
                "PlatformTransactionManager tm", "EntityManagerFactory emf", "SessionFactory sessionFactory", "Session session",
                "NamedParameterJdbcTemplate named")) {
            out.append(fields).append(field).append(";\n");
        }
        for (Service other : services) {
            if (other != service) {
                out.append(fields).append(other.name()).append(" ").append(field(other.name())).append(";\n");
            }
        }
        if (c.maybe(30)) {
            out.append("\n    ").append(service.name()).append("() {\n        tt.setPropagationBehavior").append(c.pick("", "Name"))
                    .append("(").append(c.pick("TransactionDefinition.PROPAGATION_REQUIRES_NEW", "PROPAGATION_NESTED",
                            "\"PROPAGATION_REQUIRES_NEW\"", "", "1, 2")).append(");\n    }\n");
        }
        for (String method : service.methods()) {
            out.append("\n").append(method(service, method));
        }
        if (c.maybe(20)) {
            out.append("\n    public record Command(long id, String name) {\n        public Command {\n")
                    .append("            if (id < 0) throw new IllegalArgumentException();\n        }\n    }\n");
        }
        if (c.maybe(15)) {
            out.append("\n    static <T extends Comparable<? super T>> T max(List<? extends T> values) {\n")
                    .append("        return values.stream().max(Comparator.naturalOrder()).orElseThrow();\n    }\n");
        }
        out.append("}\n");
        files.put("gen/" + service.name() + ".java", out.toString());
    }

    private String method(Service service, String name) {
        StringBuilder out = new StringBuilder();
        out.append(c.maybe(40) ? "    " + transactional() + "\n" : "");
        out.append(c.maybe(10) ? "    @SuppressWarnings(\"ormrace" + c.pick("", ":lost-update", ":racy-get-or-create", ":") + "\")\n" : "");
        Entity entity = c.pick(entities);
        out.append("    ").append(c.pick("public ", "public ", "", "private ", "protected ", "public static ", "public synchronized "))
                .append(c.maybe(10) ? "<T> " : "")
                .append(c.pick("void", "long", entity.name(), "Optional<" + entity.name() + ">", "boolean", "T", "Object"))
                .append(" ").append(name).append("(").append(methodParameters(entity)).append(")")
                .append(c.maybe(30) ? " throws SQLException" : "").append(" {\n");
        Body body = new Body(c, this, service, entity);
        body.block(2, "        ", 2 + c.below(6));
        out.append(body.out);
        out.append("    }\n");
        return out.toString();
    }

    private String methodParameters(Entity entity) {
        int count = c.below(4);
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parameters.add(c.pick("long id", "String name", entity.name() + " entity", "Connection connection", "long amount",
                    "Runnable work", "Optional<" + entity.name() + "> maybe", "List<" + entity.name() + "> list", "final long code")
                    + (i > 0 ? i : ""));
        }
        if (c.maybe(10)) {
            parameters.add("long... more");
        }
        return String.join(", ", parameters);
    }

    private String transactional() {
        return switch (c.below(8)) {
            case 0, 1 -> "@Transactional";
            case 2 -> "@Transactional(propagation = Propagation." + c.pick(PROPAGATIONS) + ")";
            case 3 -> "@Transactional(isolation = Isolation." + c.pick("SERIALIZABLE", "READ_COMMITTED", "REPEATABLE_READ") + ")";
            case 4 -> "@Transactional(" + c.pick("Propagation.REQUIRES_NEW", "\"txManager\"", "value = \"tm\", propagation = NESTED",
                    "propagation = REQUIRES_NEW", "readOnly = true", "propagation = 1", "") + ")";
            case 5 -> "@jakarta.transaction.Transactional(" + c.pick("", "Transactional.TxType.REQUIRES_NEW", "value = TxType.NEVER") + ")";
            case 6 -> "@Transactional(propagation = Propagation." + c.pick(PROPAGATIONS) + ", isolation = Isolation.SERIALIZABLE)";
            default -> "@org.springframework.transaction.annotation.Transactional";
        };
    }

    private void jdbcDao() {
        Entity entity = c.pick(entities);
        String table = entity.table();
        String column = snake(c.pick(entity.fields()));
        StringBuilder out = new StringBuilder("package gen;\n\nimport java.sql.*;\nimport javax.sql.DataSource;\n\n")
                .append("public class JdbcDao {\n    private final DataSource dataSource;\n\n");
        out.append("    public void transfer(long id, long amount) throws SQLException {\n")
                .append("        try (Connection connection = dataSource.getConnection()) {\n");
        out.append(c.maybe(60) ? "            connection.setAutoCommit(" + c.pick("false", "true", "", "flag", "false, true") + ");\n" : "");
        out.append(c.maybe(20) ? "            connection.setTransactionIsolation(" + c.pick("Connection.TRANSACTION_SERIALIZABLE", "", "8")
                + ");\n" : "");
        out.append("            PreparedStatement select = connection.prepareStatement(").append(c.maybe(85) ? str(sql(entity)) : c.pick("",
                "null", "sql", str("select * from " + table + " where id = ?") + ", 1, 2")).append(");\n");
        out.append("            select.setLong(").append(c.pick("1, id", "99999999999, id", "0, id", "-1, id", "", "1, id, 3", "\"id\", id",
                "0x7fffffff, id", "2147483648, id", "1")).append(");\n");
        out.append("            ResultSet rows = select.executeQuery(").append(c.maybe(10) ? str(sql(entity)) : "").append(");\n");
        out.append("            if (rows.next()) {\n                long value = rows.getLong(").append(c.pick("1", "\"" + column + "\"", "2",
                "0", "-5", "99999999999", "", "1, 2", "2147483648", "\"\"")).append(");\n");
        out.append("                PreparedStatement update = connection.prepareStatement(").append(str(sql(entity))).append(");\n")
                .append("                update.setLong(").append(c.pick("1, value + amount", "2, id", "1", "", "99999999999, value"))
                .append(");\n                update.").append(c.pick("executeUpdate", "execute", "executeBatch", "executeLargeUpdate"))
                .append("(").append(c.maybe(10) ? str(sql(entity)) : "").append(");\n            }\n");
        out.append(c.maybe(50) ? "            connection." + c.pick("commit", "rollback") + "(" + c.pick("", "", "savepoint", "a, b")
                + ");\n" : "");
        out.append("        }\n    }\n}\n");
        files.put("gen/JdbcDao.java", out.toString());
    }

    // ---------------------------------------------------------------- method bodies

    /** Statements and expressions of one method body, with the variables in scope and what they hold. */
    private static final class Body {
        private final Choices c;
        private final JavaProjects project;
        private final Service service;
        private final Entity entity;
        private final StringBuilder out = new StringBuilder();
        private final List<String[]> vars = new ArrayList<>();
        private int counter;

        Body(Choices c, JavaProjects project, Service service, Entity entity) {
            this.c = c;
            this.project = project;
            this.service = service;
            this.entity = entity;
        }

        void block(int depth, String indent, int statements) {
            int scope = vars.size();
            for (int i = 0; i < statements; i++) {
                statement(depth, indent);
            }
            while (vars.size() > scope) {
                vars.remove(vars.size() - 1);
            }
        }

        private String var(String kind) {
            List<String[]> matching = vars.stream().filter(v -> v[1].equals(kind)).toList();
            return matching.isEmpty() ? null : c.pick(matching)[0];
        }

        private String declare(String kind) {
            String name = kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + counter++;
            vars.add(new String[] {name, kind});
            return name;
        }

        private Repo repo() {
            List<Repo> own = project.repos.stream().filter(r -> r.entity() == entity).toList();
            return own.isEmpty() ? project.repos.isEmpty() ? null : c.pick(project.repos) : c.pick(own);
        }

        private String repoCall(String method, String arguments) {
            Repo repo = repo();
            return repo == null ? "repository." + method + "(" + arguments + ")" : field(repo.name()) + "." + method + "(" + arguments + ")";
        }

        private String declaredCall() {
            Repo repo = repo();
            if (repo == null || repo.methods().isEmpty()) {
                return repoCall("findById", args(1));
            }
            return field(repo.name()) + "." + c.pick(repo.methods()) + "(" + args(c.below(4)) + ")";
        }

        /** Arguments: mostly plain values, sometimes none or too many. */
        private String args(int count) {
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                arguments.add(c.maybe(70) ? scalar(0) : c.pick("null", "name", "id", "\"x\"", "entity", "LockModeType.PESSIMISTIC_WRITE",
                        entity.name() + ".class", "() -> { }", "x -> x", "99999999999L"));
            }
            return String.join(", ", arguments);
        }

        private String unwrap() {
            return c.pick(".orElseThrow()", ".get()", ".orElse(null)", ".orElseGet(() -> " + repoCall("save", "new " + entity.name() + "()") + ")",
                    ".orElseThrow(IllegalStateException::new)", ".orElseGet(" + entity.name() + "::new)", ".orElseGet()", ".orElse()",
                    ".join()");
        }

        String entityExpr(int depth) {
            String existing = var("E");
            switch (depth <= 0 ? c.below(3) : c.below(14)) {
                case 0:
                    return existing != null ? existing : repoCall("findById", "id") + unwrap();
                case 1:
                    return repoCall("findById", args(c.pick(1, 1, 0, 2))) + unwrap();
                case 2:
                    return "new " + entity.name() + "(" + (c.maybe(20) ? args(c.below(3)) : "") + ")";
                case 3:
                    return declaredCall() + (c.maybe(60) ? unwrap() : "");
                case 4:
                    return c.pick("em", "session", "entityManager") + "." + c.pick("find", "get", "load", "getReference", "byId")
                            + "(" + c.pick(entity.name() + ".class, id", entity.name() + ".class, id, LockModeType." + c.pick(LOCKS),
                            entity.name() + ".class", "", "id, " + entity.name() + ".class", entity.name() + ".class, id, "
                            + "LockModeType.PESSIMISTIC_WRITE, Map.of()", "Unknown.class, id") + ")";
                case 5:
                    return "em." + c.pick("createQuery", "createNativeQuery", "createSelectionQuery", "createQuery") + "("
                            + (c.maybe(90) ? str(c.maybe(50) ? project.jpql(entity) : project.sql(entity)) + (c.maybe(50) ? ", "
                            + entity.name() + ".class" : "") : c.pick("", "sql", "null")) + ")" + queryChain(depth)
                            + "." + c.pick("getSingleResult()", "getSingleResultOrNull()", "uniqueResult()", "uniqueResultOptional()"
                            + unwrap(), "getResultList().get(0)", "getResultStream().findFirst()" + unwrap(), "getSingleResult(1)");
                case 6:
                    return repoCall(c.pick("getReferenceById", "getById", "getOne"), args(c.pick(1, 0, 2)));
                case 7:
                    return "((" + bool(depth - 1) + ") ? " + entityExpr(depth - 1) + " : " + entityExpr(depth - 1) + ")";
                case 8:
                    return ownCall(depth);
                case 9:
                    return "jdbc." + c.pick("queryForObject", "query", "queryForList", "queryForMap") + "(" + str(project.sql(entity))
                            + c.pick("", ", " + entity.name() + ".class", ", id", ", (rs, n) -> new " + entity.name() + "()") + ")";
                case 10:
                    return c.pick("((" + entity.name() + ") null)", "this.entity", "entity");
                case 11:
                    String list = var("L");
                    return (list != null ? list : repoCall("findAll", "")) + c.pick(".get(0)", ".getFirst()", ".stream().findFirst()"
                            + unwrap(), ".iterator().next()", ".get()");
                case 12:
                    return "(switch (" + scalar(depth - 1) + ") {\n" + "            case 1 -> " + entityExpr(depth - 1) + ";\n"
                            + "            case 2 -> { yield " + entityExpr(depth - 1) + "; }\n"
                            + "            default -> " + c.pick("null", "throw new IllegalStateException()", entityExpr(depth - 1)) + ";\n        })";
                default:
                    return "((" + entity.name() + ") " + entityExpr(depth - 1) + ")";
            }
        }

        private String queryChain(int depth) {
            StringBuilder chain = new StringBuilder();
            int links = c.below(4);
            for (int i = 0; i < links; i++) {
                chain.append(".").append(c.pick("setParameter(" + c.pick("\"" + c.pick(entity.fields()) + "\", " + scalar(depth - 1),
                        "1, " + scalar(depth - 1), "", "\"x\"", "\"a\", 1, 2", "null, null") + ")", "setLockMode(" + c.pick(
                        "LockModeType." + c.pick(LOCKS), "", "LockMode.UPGRADE", "mode") + ")", "setHint(\"x\", 1)", "setMaxResults(1)",
                        "setHibernateLockMode(LockMode.PESSIMISTIC_WRITE)", "unwrap(Query.class)"));
            }
            return chain.toString();
        }

        private String ownCall(int depth) {
            String method = c.pick(service.methods());
            String call = method + "(" + args(c.below(4)) + ")";
            switch (c.below(4)) {
                case 0:
                    return call;
                case 1:
                    return "this." + call;
                case 2:
                    Service other = c.pick(project.services);
                    return field(other.name()) + "." + c.pick(other.methods()) + "(" + args(c.below(4)) + ")";
                default:
                    return c.pick("max(List.of())", "Objects.requireNonNull(" + entityExpr(depth - 1) + ")",
                            "Service0.this." + call, "super." + call);
            }
        }

        String scalar(int depth) {
            String existing = var("S");
            switch (depth <= 0 ? c.below(3) : c.below(14)) {
                case 0:
                    return existing != null ? existing : c.pick("id", "amount", "1");
                case 1:
                    return c.pick("0", "1", "-1", "100", "99999999999L", "2147483647", "0x7fffffff", "0b1010", "1_000", "'c'", "1.5",
                            "\"text\"", "2147483648L", "0L", "Long.MAX_VALUE", "\"\"\"\n            text\n            \"\"\"");
                case 2:
                    return c.pick("id", "amount", "name", "code", "more[0]", "this.id", "count");
                case 3:
                    String e = var("E");
                    return (e != null ? e : entityExpr(depth - 1)) + "." + c.pick("get" + cap(c.pick(entity.fields())) + "()",
                            c.pick(entity.fields()), "get" + cap(c.pick(entity.fields())) + "(1)", "is" + cap(c.pick(entity.fields())) + "()",
                            c.pick(entity.fields()) + "()", "get()", "getClass()", entity.methods().isEmpty() ? "toString()"
                            : c.pick(entity.methods()) + "(" + args(c.below(3)) + ")");
                case 4:
                    return scalar(depth - 1) + " " + c.pick("+", "-", "*", "/", "%", "+", "<<", "&", "^") + " " + scalar(depth - 1);
                case 5:
                    return c.pick("-", "~", "+", "(long) ", "(int) ") + scalar(depth - 1);
                case 6:
                    String v = existing != null ? existing : "id";
                    return "(" + c.pick(v + "++", "++" + v, v + "--", "--" + v, v + " += " + scalar(depth - 1), v + " = " + scalar(depth - 1)) + ")";
                case 7:
                    String rs = var("RS");
                    return (rs != null ? rs : "rs") + "." + c.pick("getLong", "getInt", "getString", "getObject", "getBigDecimal")
                            + "(" + c.pick("1", "2", "0", "-1", "99999999999", "\"" + snake(c.pick(entity.fields())) + "\"", "", "1, Long.class",
                            "2147483648", "0x10", "\"\"", "id") + ")";
                case 8:
                    return c.pick("jdbc", "named") + ".queryForObject(" + str(project.sql(entity)) + c.pick(", Long.class", ", Long.class, id",
                            "", ", Map.of()", ", Integer.class, id, name") + ")";
                case 9:
                    return repoCall(c.pick("count", "countByName", "countById", "countAll", "count"), args(c.below(3)));
                case 10:
                    return "Math." + c.pick("max", "min", "abs", "addExact") + "(" + scalar(depth - 1) + ", " + scalar(depth - 1) + ")";
                case 11:
                    return "(switch (" + scalar(depth - 1) + ") {\n            case 1, 2 -> " + scalar(depth - 1) + ";\n"
                            + "            case " + entity.name() + " x when x.getId() > 0 -> 3;\n"
                            + "            default -> {\n                " + c.pick("yield " + scalar(depth - 1) + ";", "throw new IllegalStateException();")
                            + "\n            }\n        })";
                case 12:
                    return "(" + bool(depth - 1) + " ? " + scalar(depth - 1) + " : " + scalar(depth - 1) + ")";
                default:
                    String q = var("Q");
                    return (q != null ? q : "em.createQuery(" + str(project.jpql(entity)) + ")" + queryChain(depth - 1)) + "."
                            + c.pick("executeUpdate()", "getResultList().size()", "executeUpdate(1)");
            }
        }

        String bool(int depth) {
            switch (depth <= 0 ? c.below(3) : c.below(14)) {
                case 0:
                    return c.pick("true", "false", "flag");
                case 1:
                    String o = var("O");
                    return (o != null ? o : repoCall("findById", "id")) + "." + c.pick("isPresent()", "isEmpty()", "isPresent(1)");
                case 2:
                    String e = var("E");
                    return c.pick((e != null ? e : "entity") + " == null", "null != " + (e != null ? e : "entity"),
                            (e != null ? e : "entity") + " != null", "null == null");
                case 3:
                    return "!" + bool(depth - 1);
                case 4:
                    return repoCall(c.pick("existsById", "existsByName", "existsBy" + cap(c.pick(entity.fields()))), args(c.below(3)));
                case 5:
                    return repoCall(c.pick("countByName", "count", "countBy" + cap(c.pick(entity.fields()))), args(c.below(2)))
                            + " " + c.pick("==", "!=", ">", ">=", "<", "<=") + " " + c.pick("0", "1", "2", "99999999999", "2147483648L",
                            "0x0", "0b0", "00", "1_0", "-0", "2147483647");
                case 6:
                    String list = var("L");
                    return (list != null ? list : repoCall("findAll", "")) + "." + c.pick("isEmpty()", "stream().anyMatch(x -> x == null)",
                            "size() == 0", "contains(null)");
                case 7:
                    String rs = var("RS");
                    return (rs != null ? rs : "rs") + "." + c.pick("next()", "first()", "next(1)", "wasNull()");
                case 8:
                    return scalar(depth - 1) + " " + c.pick(">", "<", "==", "!=", ">=", "<=") + " " + scalar(depth - 1);
                case 9:
                    return bool(depth - 1) + " " + c.pick("&&", "||", "&", "|", "^") + " " + bool(depth - 1);
                case 10:
                    return "(" + entityExpr(depth - 1) + " instanceof " + c.pick(entity.name() + " x" + counter++, entity.name(),
                            "Object", "Command(long i" + counter++ + ", String n" + counter++ + ")") + ")";
                case 11:
                    return "(" + bool(depth - 1) + ")";
                case 12:
                    String opt = var("O");
                    return (opt != null ? opt : repoCall("findById", "id")) + ".map(x -> x.get" + cap(c.pick(entity.fields()))
                            + "()).filter(v -> v > 0).isPresent()";
                default:
                    return "Objects.equals(" + scalar(depth - 1) + ", " + scalar(depth - 1) + ")";
            }
        }

        private String lambda(int depth, String indent) {
            if (c.maybe(50)) {
                return c.pick("status", "s", "em2", "x", "()", "(a, b)", "(var v)", "(" + entity.name() + " e)") + " -> " + c.pick(
                        entityExpr(depth - 1), scalar(depth - 1), repoCall("save", entityExpr(depth - 1)), "null", "{ }");
            }
            String parameter = c.pick("status", "s", "em2", "x", "()");
            Body inner = this;
            int mark = out.length();
            inner.block(depth - 1, indent + "    ", 1 + c.below(3));
            String body = out.substring(mark);
            out.setLength(mark);
            return parameter + " -> {\n" + body + indent + (c.maybe(50) ? "    return " + c.pick("null", entityExpr(0), scalar(0)) + ";\n" + indent : "") + "}";
        }

        void statement(int depth, String indent) {
            int kind = depth <= 0 ? c.below(12) : c.below(40);
            String line;
            switch (kind) {
                case 0 -> line = "var " + declare("E") + " = " + entityExpr(depth) + ";";
                case 1 -> line = entity.name() + " " + declare("E") + " = " + entityExpr(depth) + ";";
                case 2 -> {
                    String e = var("E");
                    String field = cap(c.pick(entity.fields()));
                    line = (e != null ? e : entityExpr(depth)) + ".set" + field + "(" + c.pick((e != null ? e : "entity") + ".get" + field
                            + "() " + c.pick("+", "-", "*") + " " + scalar(depth - 1), scalar(depth), "", scalar(0) + ", " + scalar(0),
                            "null") + ");";
                }
                case 3 -> line = repoCall(c.pick("save", "saveAndFlush", "saveAll", "persist", "insert", "update", "merge", "saveAll",
                        "delete", "flush"), c.pick(var("E") != null ? var("E") : "entity", "new " + entity.name() + "()", "",
                        "List.of(new " + entity.name() + "())", "a, b", "null", entityExpr(depth - 1))) + ";";
                case 4 -> line = "long " + declare("S") + " = " + scalar(depth) + ";";
                case 5 -> line = "Optional<" + entity.name() + "> " + declare("O") + " = " + c.pick(repoCall("findById", args(c.pick(1, 0))),
                        declaredCall(), "Optional.ofNullable(" + entityExpr(depth - 1) + ")", "Optional.empty()", "Optional.of()",
                        "Optional.of(" + entityExpr(depth - 1) + ")", repoCall("findAll", "") + ".stream().filter(x -> "
                        + bool(0) + ").findFirst()") + ";";
                case 6 -> line = "List<" + entity.name() + "> " + declare("L") + " = " + c.pick(repoCall("findAll", ""), declaredCall(),
                        "em.createQuery(" + str(project.jpql(entity)) + ").getResultList()", "jdbc.queryForList(" + str(project.sql(entity))
                        + ")", "jdbc.query(" + str(project.sql(entity)) + ", (rs, n) -> null)", "new ArrayList<>(" + repoCall("findAll", "") + ")",
                        "List.of()") + ";";
                case 7 -> line = "em." + c.pick("persist", "merge", "lock", "refresh", "remove", "detach", "persist", "save", "update",
                        "saveOrUpdate", "upsert", "insert") + "(" + c.pick(entityExpr(depth - 1), entityExpr(depth - 1) + ", LockModeType."
                        + c.pick(LOCKS), "", "new " + entity.name() + "()", "null, null", entityExpr(0) + ", LockModeType.PESSIMISTIC_WRITE, Map.of()")
                        + ");";
                case 8 -> line = jdbcStatement(depth);
                case 9 -> line = c.pick("em.getTransaction().begin();", "em.getTransaction().commit();", "em.getTransaction().rollback();",
                        "em.flush();", "tm.commit(status);", "tm.rollback();", "tm.commit();", "var status" + counter++
                                + " = tm.getTransaction(" + c.pick("null", "", "new DefaultTransactionDefinition()") + ");",
                        "var em" + counter++ + " = emf.createEntityManager();", "session.getTransaction().begin();");
                case 10 -> line = ownCall(depth) + ";";
                case 11 -> line = c.pick("return;", "return " + entityExpr(depth) + ";", "return " + scalar(0) + ";",
                        "throw new IllegalStateException(" + c.pick("", "\"x\"") + ");", "return null;");
                case 12, 13 -> {
                    out.append(indent).append("if (").append(bool(depth)).append(") {\n");
                    block(depth - 1, indent + "    ", 1 + c.below(3));
                    out.append(indent).append("}");
                    if (c.maybe(50)) {
                        out.append(c.maybe(30) ? " else if (" + bool(depth - 1) + ") {\n" : " else {\n");
                        block(depth - 1, indent + "    ", 1 + c.below(3));
                        out.append(indent).append("}");
                    }
                    out.append("\n");
                    return;
                }
                case 14 -> {
                    String list = var("L");
                    out.append(indent).append("for (").append(c.pick(entity.name(), "var", "final " + entity.name())).append(" ")
                            .append(declare("E")).append(" : ").append(list != null ? list : repoCall("findAll", "")).append(") {\n");
                    block(depth - 1, indent + "    ", 1 + c.below(3));
                    out.append(indent).append("}\n");
                    return;
                }
                case 15 -> {
                    String loop = c.pick("for (int i" + counter + " = 0; i" + counter + " < 3; i" + counter++ + "++) {\n",
                            "while (" + bool(depth - 1) + ") {\n", "for (;;) {\n", "do {\n");
                    out.append(indent).append(loop);
                    block(depth - 1, indent + "    ", 1 + c.below(3));
                    out.append(indent).append("}").append(loop.startsWith("do") ? " while (" + bool(0) + ");" : "").append("\n");
                    return;
                }
                case 16, 17 -> {
                    boolean resources = c.maybe(40);
                    out.append(indent).append("try").append(resources ? " (" + c.pick("Connection connection" + counter++
                            + " = dataSource.getConnection()", "var c" + counter++ + " = dataSource.getConnection(); var ps" + counter++
                            + " = c" + (counter - 2) + ".prepareStatement(" + str(project.sql(entity)) + ")", "em", "var x = emf.createEntityManager()")
                            + ")" : "").append(" {\n");
                    block(depth - 1, indent + "    ", 1 + c.below(3));
                    out.append(indent).append("}");
                    int catches = c.below(3);
                    for (int i = 0; i < catches; i++) {
                        out.append(" catch (").append(c.pick("DataIntegrityViolationException", "DuplicateKeyException", "SQLException",
                                "RuntimeException", "IllegalStateException", "DataIntegrityViolationException | IllegalStateException",
                                "org.springframework.dao.DataAccessException", "Exception", "Throwable", "final PersistenceException"))
                                .append(" ex").append(counter++).append(") {\n");
                        block(depth - 1, indent + "    ", c.below(3));
                        if (c.maybe(40)) {
                            out.append(indent).append("    ").append(c.pick(repoCall("findByName", "name") + unwrap() + ";",
                                    "connection.rollback(savepoint);", "return " + declaredCall() + ";", "throw ex" + (counter - 1) + ";",
                                    "log.warn(ex.getMessage());")).append("\n");
                        }
                        out.append(indent).append("}");
                    }
                    if (catches == 0 || c.maybe(30)) {
                        out.append(" finally {\n");
                        block(depth - 1, indent + "    ", c.below(2));
                        out.append(indent).append("}");
                    }
                    out.append("\n");
                    return;
                }
                case 18 -> {
                    out.append(indent).append("switch (").append(scalar(depth - 1)).append(") {\n");
                    boolean arrows = c.maybe(50);
                    int cases = 1 + c.below(3);
                    for (int i = 0; i < cases; i++) {
                        out.append(indent).append("    case ").append(i + 1).append(arrows ? " -> {\n" : ":\n");
                        block(depth - 1, indent + "        ", 1 + c.below(2));
                        out.append(arrows ? indent + "    }\n" : c.maybe(70) ? indent + "        break;\n" : "");
                    }
                    out.append(indent).append("    default").append(arrows ? " -> { }\n" : ":\n");
                    out.append(indent).append("}\n");
                    return;
                }
                case 19 -> {
                    out.append(indent).append(c.pick("synchronized (this) {\n", "label" + counter++ + ": {\n", "{\n"));
                    block(depth - 1, indent + "    ", 1 + c.below(3));
                    out.append(indent).append("}\n");
                    return;
                }
                case 20, 21 -> line = "tt." + c.pick("execute", "executeWithoutResult", "execute") + "(" + c.pick(lambda(depth, indent),
                        lambda(depth, indent), "", "null", "callback", lambda(depth, indent) + ", 1") + ");";
                case 22 -> line = c.pick("emf", "sessionFactory") + "." + c.pick("inTransaction", "fromTransaction", "runInTransaction",
                        "callInTransaction", "inStatelessTransaction") + "(" + c.pick(lambda(depth, indent), "", "null", "x",
                        "a, " + lambda(depth, indent)) + ");";
                case 23 -> {
                    String o = var("O");
                    line = (o != null ? o : repoCall("findById", "id")) + "." + c.pick("ifPresent(" + lambda(depth, indent) + ")",
                            "ifPresentOrElse(" + lambda(depth, indent) + ", () -> " + repoCall("save", "new " + entity.name() + "()") + ")",
                            "ifPresentOrElse()", "ifPresent()", "map(" + lambda(depth, indent) + ")", "orElseGet(" + lambda(depth, indent) + ")",
                            "orElseGet(() -> " + repoCall("save", "new " + entity.name() + "()") + ")", "or(() -> Optional.empty())",
                            "filter(" + lambda(depth, indent) + ")", "flatMap(x -> Optional.of(x))", "orElse(" + entityExpr(depth - 1) + ")")
                            + ";";
                }
                case 24 -> {
                    String list = var("L");
                    line = (list != null ? list : repoCall("findAll", "")) + "." + c.pick("forEach(" + lambda(depth, indent) + ")",
                            "stream().filter(" + lambda(depth, indent) + ").findFirst()" + unwrap(), "forEach()", "get()",
                            "stream().map(x -> x).sorted().limit(1).forEach(x -> " + repoCall("save", "x") + ")") + ";";
                }
                case 25 -> line = c.pick("Runnable", "Supplier<" + entity.name() + ">", "Function<Long, " + entity.name() + ">",
                        "Consumer<" + entity.name() + ">") + " " + declare("F") + " = " + lambda(depth, indent) + ";";
                case 26 -> {
                    String f = var("F");
                    line = (f != null ? f : "work") + "." + c.pick("run()", "get()", "apply(id)", "accept(" + entityExpr(0) + ")",
                            "andThen(x -> x)", "compose(x -> x)", "run(1, 2)") + ";";
                }
                case 27 -> line = "Object " + declare("X") + " = " + c.pick("switch (" + entityExpr(0) + ") {\n" + indent + "    case "
                        + entity.name() + " e when e.get" + cap(c.pick(entity.fields())) + "() > 0 -> " + repoCall("save", "e") + ";\n"
                        + indent + "    case null -> null;\n" + indent + "    default -> throw new IllegalStateException();\n" + indent + "}",
                        "new Object() {\n" + indent + "    void run() { " + repoCall("save", "new " + entity.name() + "()") + "; }\n"
                        + indent + "}", "new Runnable() {\n" + indent + "    public void run() {\n" + indent + "        "
                        + repoCall("findById", "1L") + ".ifPresent(x -> x.set" + cap(c.pick(entity.fields())) + "(x.get"
                        + cap(c.pick(entity.fields())) + "() + 1));\n" + indent + "    }\n" + indent + "}", "(Runnable) () -> { }",
                        "new " + entity.name() + "[] { " + entityExpr(0) + " }", "(" + entity.name() + " & Runnable) null",
                        repoCall("findAll", "") + ".stream().map(" + entity.name() + "::get" + cap(c.pick(entity.fields()))
                                + ").reduce(0L, Long::sum)") + ";";
                case 28 -> {
                    out.append(indent).append(c.pick("record Local(long a) { }\n", "class Local { void m() { "
                            + repoCall("save", "null") + "; } }\n"));
                    return;
                }
                case 29 -> line = "Query " + declare("Q") + " = em." + c.pick("createQuery", "createNativeQuery", "createMutationQuery",
                        "createNativeMutationQuery") + "(" + c.pick(str(project.jpql(entity)), str(project.sql(entity)), "", "sql",
                        str(project.sql(entity)) + " + " + str(" where id = ?"), str(project.jpql(entity)) + ", " + entity.name() + ".class")
                        + ")" + queryChain(depth) + ";";
                case 30 -> {
                    String q = var("Q");
                    line = (q != null ? q : "query") + "." + c.pick("setParameter(" + c.pick("\"v\", " + scalar(depth - 1),
                            "\"" + c.pick(entity.fields()) + "\", " + scalar(depth - 1), "", "\"v\"", "1, 2", "null, null, null") + ")",
                            "setLockMode(" + c.pick("LockModeType." + c.pick(LOCKS), "", "null") + ")", "executeUpdate()",
                            "getSingleResult()", "getResultList()", "executeUpdate(1)") + ";";
                }
                case 31 -> line = "String " + declare("T") + " = " + c.pick(str(project.sql(entity)), str(project.sql(entity)) + " + "
                        + str(" and x = ?"), "\"select * from \" + table + \" where id = ?\"", "\"\"\"\n" + indent + "    "
                        + project.sql(entity) + "\n" + indent + "    \"\"\"", "String.format(\"%s\", 1)") + ";";
                case 32 -> {
                    String t = var("T");
                    line = c.pick("jdbc", "named") + "." + c.pick("update", "batchUpdate", "execute", "queryForList", "query")
                            + "(" + (t != null ? t : str(project.sql(entity))) + c.pick("", ", " + scalar(depth - 1),
                            ", " + scalar(depth - 1) + ", id", ", Map.of(\"v\", 1)", ", (rs, n) -> rs.getLong(1)") + ");";
                }
                case 33 -> line = "this.entity" + counter++ + " = " + entityExpr(depth) + ";";
                case 34 -> line = c.pick("// ormrace:ignore", "// ormrace:ignore lost-update", "// ormrace:", "/* ormrace:ignore */",
                        "@SuppressWarnings(\"ormrace\") long " + declare("S") + " = 0;", "assert " + bool(0) + ";", ";",
                        "yield " + scalar(0) + ";", "continue;", "break;");
                case 35 -> line = c.pick("id", "amount", "this.count") + " = " + scalar(depth) + ";";
                case 36 -> line = entityExpr(depth) + "." + (entity.methods().isEmpty() ? "touch" : c.pick(entity.methods())) + "("
                        + args(c.below(4)) + ");";
                case 37 -> {
                    String e = var("E");
                    String field = c.pick(entity.fields());
                    line = (e != null ? e : "entity") + "." + field + c.pick(" = ", " += ", " -= ", " *= ") + scalar(depth - 1) + ";"
                            + c.pick("", " " + (e != null ? e : "entity") + "." + field + "++;");
                }
                case 38 -> line = "Connection " + declare("C") + " = " + c.pick("dataSource.getConnection()", "DriverManager.getConnection(\"x\")",
                        "connection", "dataSource.getConnection(\"u\", \"p\")", "myDataSource.getConnection()") + ";";
                default -> line = c.pick("long count = " + repoCall("countByName", "name") + ";", "if (count == 0) " + repoCall("save",
                        "new " + entity.name() + "()") + ";", "var all = " + repoCall("findAll", "") + ";", "var seen = new HashSet<>(all);",
                        repoCall("saveAll", "all.stream().filter(x -> !seen.contains(x)).toList()") + ";");
            }
            out.append(indent).append(line).append("\n");
        }

        private String jdbcStatement(int depth) {
            String connection = var("C");
            String conn = connection != null ? connection : c.pick("connection", "dataSource.getConnection()");
            String statement = var("PS");
            String ps = statement != null ? statement : "ps";
            return switch (c.below(12)) {
                case 0 -> conn + ".setAutoCommit(" + c.pick("false", "true", "", "flag", "false, 1", "!true") + ");";
                case 1 -> conn + "." + c.pick("commit", "rollback") + "(" + c.pick("", "", "savepoint", "a, b", "null") + ");";
                case 2 -> conn + ".setTransactionIsolation(" + c.pick("Connection.TRANSACTION_SERIALIZABLE", "", "TRANSACTION_READ_COMMITTED",
                        "8", "a, b") + ");";
                case 3 -> "var savepoint" + counter++ + " = " + conn + ".setSavepoint(" + c.pick("", "\"sp\"") + ");";
                case 4, 5 -> "PreparedStatement " + declare("PS") + " = " + conn + "." + c.pick("prepareStatement", "prepareCall",
                        "createStatement", "prepareStatement") + "(" + c.pick(str(project.sql(entity)), str(project.sql(entity)), "",
                        var("T") != null ? var("T") : "sql", str(project.sql(entity)) + ", Statement.RETURN_GENERATED_KEYS", "null")
                        + ");";
                case 6 -> ps + "." + c.pick("setLong", "setString", "setInt", "setObject", "setNull") + "(" + c.pick("1, " + scalar(depth - 1),
                        "2, " + scalar(depth - 1), "", "1", "99999999999, " + scalar(0), "2147483648, 1", "0x7fffffff, 1", "-1, 1",
                        "\"id\", 1", "i, 1", "1, 2, 3") + ");";
                case 7 -> "ResultSet " + declare("RS") + " = " + ps + "." + c.pick("executeQuery", "execute", "executeQuery") + "("
                        + c.pick("", "", str(project.sql(entity)), "null") + ");";
                case 8 -> ps + "." + c.pick("executeUpdate", "execute", "executeBatch", "executeLargeUpdate", "addBatch") + "("
                        + c.pick("", "", str(project.sql(entity)), "1, 2") + ");";
                case 9 -> "Statement " + declare("PS") + " = " + conn + ".createStatement(" + c.pick("", "1, 2") + ");";
                case 10 -> "long " + declare("S") + " = " + (var("RS") != null ? var("RS") : "rs") + ".getLong(" + c.pick("1",
                        "\"" + snake(c.pick(entity.fields())) + "\"", "0", "99999999999", "2147483648", "", "\"\"", "-2147483648") + ");";
                default -> "if (" + (var("RS") != null ? var("RS") : "rs") + ".next()) { " + ps + ".executeUpdate(); }";
            };
        }
    }

    // ---------------------------------------------------------------- text

    static String str(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String cap(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String field(String type) {
        return Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }

    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
