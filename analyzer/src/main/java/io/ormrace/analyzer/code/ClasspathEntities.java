package io.ormrace.analyzer.code;

import io.ormrace.analyzer.Problem;
import io.ormrace.analyzer.schema.Names;
import io.ormrace.analyzer.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The JPA entities of the classpath ({@code --classpath}, the Maven plugin's compile classpath): a domain module the
 * analyzed sources use but do not contain. Read from the class files' annotations: the table, the columns, the id,
 * {@code @Version}, the collections, and fields inherited from {@code @MappedSuperclass} classes. The sources' own
 * entities win over a class of the same simple name.
 */
public final class ClasspathEntities {

    private static final Set<String> ENTITY = Set.of("Ljakarta/persistence/Entity;", "Ljavax/persistence/Entity;");
    private static final Set<String> MAPPED_SUPERCLASS = Set.of("Ljakarta/persistence/MappedSuperclass;",
            "Ljavax/persistence/MappedSuperclass;");
    private static final byte[] MARKER = "persistence/".getBytes(StandardCharsets.ISO_8859_1);
    private static final long MAX_CLASS_BYTES = 4L << 20;

    /** One class as its annotations declare it. */
    private static final class Mapped {
        String name;
        String superName;
        boolean entity;
        boolean mappedSuperclass;
        String table;
        String entityName;
        final Map<String, String> columns = new LinkedHashMap<>();
        final Map<String, String> javaTypes = new LinkedHashMap<>();
        final List<String> ids = new ArrayList<>();
        final Set<String> collections = new HashSet<>();
        final List<String> unique = new ArrayList<>();
        boolean versioned;
    }

    private ClasspathEntities() {
    }

    public static List<EntityInfo> read(List<Path> entries, Schema schema, Consumer<Problem> problems) {
        Map<String, Mapped> classes = new HashMap<>();
        for (Path entry : entries) {
            try {
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> walk = Files.walk(entry)) {
                        for (Path file : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                            if (Files.size(file) <= MAX_CLASS_BYTES) {
                                read(Files.readAllBytes(file), classes);
                            }
                        }
                    }
                } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar") && !isLibrary(entry)) {
                    try (ZipFile jar = new ZipFile(entry.toFile())) {
                        for (ZipEntry file : java.util.Collections.list(jar.entries())) {
                            if (file.getName().endsWith(".class") && file.getSize() <= MAX_CLASS_BYTES) {
                                try (InputStream in = jar.getInputStream(file)) {
                                    read(in.readAllBytes(), classes);
                                }
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.accept(Problem.warning(entry.toString(), 0, "classpath entry not read, skipped: " + e));
            }
        }
        List<EntityInfo> entities = new ArrayList<>();
        for (Mapped mapped : classes.values()) {
            if (mapped.entity) {
                entities.add(entity(mapped, classes, schema));
            }
        }
        return entities;
    }

    /** Jars of frameworks and drivers, which declare no application entity: not opened. */
    private static final java.util.regex.Pattern LIBRARY = java.util.regex.Pattern.compile(
            "(spring-|hibernate-|jakarta\\.|javax\\.|jackson-|tomcat-|netty-|log4j|slf4j|logback|byte-buddy|aspectj|guava|commons-"
                    + "|h2-|postgresql-|mysql-|mariadb-|ojdbc|mssql-|micrometer|reactor-|junit|mockito|assertj|snakeyaml|jboss-"
                    + "|antlr|classmate|jandex|angus|lombok|HdrHistogram|jul-to-slf4j|bcprov|kotlin-|scala-|groovy-|asm-|asm\\.jar"
                    + "|HikariCP|flyway-|liquibase-|querydsl-|jooq-|mybatis-|poi-|httpclient|httpcore|okhttp|jna-|jsqlparser"
                    + "|javaparser|picocli|caffeine|ehcache|gson-|jakarta-|el-|jaxb-|istack-|txw2).*");

    private static boolean isLibrary(Path jar) {
        return LIBRARY.matcher(jar.getFileName().toString()).matches();
    }

    private static void read(byte[] bytes, Map<String, Mapped> classes) {
        if (!contains(bytes, MARKER)) {
            return; // no JPA annotation in the class: most of a classpath, skipped without parsing
        }
        Mapped mapped = new Mapped();
        try {
            new ClassReader(bytes).accept(new Visitor(mapped), ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            return; // a class file this ASM cannot read (corrupt, or newer than it): only that class is left out
        }
        if (mapped.entity || mapped.mappedSuperclass) {
            classes.put(mapped.name, mapped);
        }
    }

    private static EntityInfo entity(Mapped mapped, Map<String, Mapped> classes, Schema schema) {
        String simple = mapped.name.substring(mapped.name.lastIndexOf('/') + 1).replace('$', '.');
        simple = simple.substring(simple.lastIndexOf('.') + 1);
        String table = mapped.table != null ? mapped.table : mapped.entityName != null ? mapped.entityName : Names.snake(simple);
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, String> javaTypes = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        Set<String> collections = new HashSet<>();
        boolean versioned = false;
        int depth = 0;
        for (Mapped current = mapped; current != null && depth++ < 10; current = classes.get(current.superName)) {
            current.columns.forEach(columns::putIfAbsent);
            current.javaTypes.forEach(javaTypes::putIfAbsent);
            ids.addAll(current.ids);
            collections.addAll(current.collections);
            versioned |= current.versioned;
            String where = "class " + current.name.replace('/', '.') + " on the classpath";
            current.unique.forEach(column -> schema.addUnique(table, List.of(column), where));
        }
        schema.table(table);
        if (!ids.isEmpty()) {
            schema.addUnique(table, ids, "the @Id of " + mapped.name.replace('/', '.') + " on the classpath");
        }
        return new EntityInfo(simple, table, columns, List.copyOf(ids), versioned, javaTypes, collections, false);
    }

    private static boolean contains(byte[] bytes, byte[] marker) {
        outer:
        for (int i = 0; i <= bytes.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (bytes[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static final class Visitor extends ClassVisitor {
        private final Mapped mapped;

        Visitor(Mapped mapped) {
            super(Opcodes.ASM9);
            this.mapped = mapped;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            mapped.name = name;
            mapped.superName = superName;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (ENTITY.contains(descriptor)) {
                mapped.entity = true;
                return attribute("name", value -> mapped.entityName = value);
            }
            if (MAPPED_SUPERCLASS.contains(descriptor)) {
                mapped.mappedSuperclass = true;
            }
            if (descriptor.endsWith("persistence/Table;")) {
                return attribute("name", value -> mapped.table = value);
            }
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_TRANSIENT)) != 0) {
                return null;
            }
            Field field = new Field(name, Type.getType(descriptor));
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return field.annotation(annotation);
                }

                @Override
                public void visitEnd() {
                    field.addTo(mapped);
                }
            };
        }
    }

    /** One persistent field: its column, and what its annotations say. */
    private static final class Field {
        final String name;
        final Type type;
        String column;
        boolean id;
        boolean version;
        boolean transientField;
        boolean join;
        boolean collection;
        boolean unique;

        Field(String name, Type type) {
            this.name = name;
            this.type = type;
        }

        AnnotationVisitor annotation(String descriptor) {
            String simple = descriptor.substring(descriptor.lastIndexOf('/') + 1, descriptor.length() - 1);
            if (!descriptor.contains("persistence/") && !simple.equals("Transient") && !simple.equals("Id")) {
                return null;
            }
            switch (simple) {
                case "Id", "EmbeddedId" -> id = true;
                case "Version" -> version = true;
                case "Transient" -> transientField = true;
                case "ManyToOne", "OneToOne" -> join = true;
                case "OneToMany", "ManyToMany", "ElementCollection" -> collection = true;
                case "Column", "JoinColumn" -> {
                    return new AnnotationVisitor(Opcodes.ASM9) {
                        @Override
                        public void visit(String attribute, Object value) {
                            if (attribute.equals("name") && value instanceof String text && !text.isEmpty()) {
                                column = text;
                            } else if (attribute.equals("unique") && Boolean.TRUE.equals(value)) {
                                unique = true;
                            }
                        }
                    };
                }
                default -> {
                }
            }
            return null;
        }

        void addTo(Mapped mapped) {
            if (transientField) {
                return;
            }
            String name = column != null ? column : join ? Names.snake(this.name) + "_id" : Names.snake(this.name);
            mapped.columns.put(this.name, name);
            String className = type.getClassName();
            mapped.javaTypes.put(this.name, className.substring(className.lastIndexOf('.') + 1));
            if (id) {
                mapped.ids.add(name);
            }
            if (version) {
                mapped.versioned = true;
            }
            if (collection) {
                mapped.collections.add(this.name);
            }
            if (unique) {
                mapped.unique.add(name);
            }
        }
    }

    private static AnnotationVisitor attribute(String wanted, Consumer<String> into) {
        return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String attribute, Object value) {
                if (attribute.equals(wanted) && value instanceof String text && !text.isEmpty()) {
                    into.accept(text);
                }
            }
        };
    }
}
