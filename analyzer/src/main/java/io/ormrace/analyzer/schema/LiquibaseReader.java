package io.ormrace.analyzer.schema;

import io.ormrace.analyzer.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads unique keys from Liquibase changelogs, XML and YAML: {@code createTable} column constraints,
 * {@code addUniqueConstraint}, {@code addPrimaryKey}, unique {@code createIndex}, and raw {@code sql} changes.
 */
public final class LiquibaseReader {

    /** Fails on what makes the document unreadable, without printing it: the caller reports it. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private final Schema schema;
    private final DdlReader ddl;
    private final Consumer<Problem> problems;

    public LiquibaseReader(Schema schema, DdlReader ddl, Consumer<Problem> problems) {
        this.schema = schema;
        this.ddl = ddl;
        this.problems = problems;
    }

    public static boolean isChangelog(String fileName, String text) {
        String lower = fileName.toLowerCase();
        return (lower.endsWith(".xml") || lower.endsWith(".yaml") || lower.endsWith(".yml")) && text.contains("databaseChangeLog");
    }

    public void read(String file, String text) {
        try {
            if (file.toLowerCase().endsWith(".xml")) {
                readXml(file, text);
            } else {
                readYaml(file, text);
            }
        } catch (Exception | StackOverflowError e) {
            problems.accept(Problem.warning(file, e instanceof Exception failure ? lineOf(failure) : 0,
                    "cannot read this Liquibase changelog, its unique keys are ignored: "
                            + (e instanceof StackOverflowError ? "it is nested too deeply" : e.getMessage())));
        }
    }

    /** Where the XML or YAML parser stopped, 0 when it does not say. */
    private static int lineOf(Exception failure) {
        if (failure instanceof SAXParseException xml && xml.getLineNumber() > 0) {
            return xml.getLineNumber();
        }
        if (failure instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return yaml.getProblemMark().getLine() + 1;
        }
        return 0;
    }

    private void readXml(String file, String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(SILENT); // a broken changelog is one warning, not also lines on stderr
        Document document = builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        for (Element create : elements(document, "createTable")) {
            String table = create.getAttribute("tableName");
            for (Element column : children(create, "column")) {
                for (Element constraints : children(column, "constraints")) {
                    if ("true".equals(constraints.getAttribute("primaryKey")) || "true".equals(constraints.getAttribute("unique"))) {
                        schema.addUnique(table, List.of(column.getAttribute("name")), file);
                    }
                }
            }
        }
        for (String change : List.of("addUniqueConstraint", "addPrimaryKey")) {
            for (Element add : elements(document, change)) {
                schema.addUnique(add.getAttribute("tableName"), split(add.getAttribute("columnNames")), file);
            }
        }
        for (Element index : elements(document, "createIndex")) {
            if ("true".equals(index.getAttribute("unique"))) {
                schema.addUnique(index.getAttribute("tableName"),
                        children(index, "column").stream().map(c -> c.getAttribute("name")).toList(), file);
            }
        }
        SqlLocator locator = new SqlLocator(text);
        for (Element sql : elements(document, "sql")) {
            String statements = sqlText(sql);
            ddl.read(file, statements, locator.firstLine(statements));
        }
    }

    @SuppressWarnings("unchecked")
    private void readYaml(String file, String text) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        List<Map<String, Object>> changes = new ArrayList<>();
        collect(root, changes, Collections.newSetFromMap(new IdentityHashMap<>()));
        SqlLocator locator = new SqlLocator(text);
        for (Map<String, Object> change : changes) {
            change.forEach((kind, body) -> {
                if (!(body instanceof Map<?, ?> map)) {
                    return;
                }
                Map<String, Object> attributes = (Map<String, Object>) map;
                String table = scalar(attributes.get("tableName"));
                switch (kind) {
                    case "createTable" -> columns(attributes).forEach(column -> {
                        Object constraints = column.get("constraints");
                        if (constraints instanceof Map<?, ?> c && (Boolean.TRUE.equals(c.get("primaryKey")) || Boolean.TRUE.equals(c.get("unique")))) {
                            schema.addUnique(table, List.of(scalar(column.get("name"))), file);
                        }
                    });
                    case "addUniqueConstraint", "addPrimaryKey" ->
                            schema.addUnique(table, split(scalar(attributes.get("columnNames"))), file);
                    case "createIndex" -> {
                        if (Boolean.TRUE.equals(attributes.get("unique"))) {
                            schema.addUnique(table, columns(attributes).stream().map(c -> scalar(c.get("name"))).toList(), file);
                        }
                    }
                    case "sql" -> {
                        String statements = scalar(attributes.get("sql"));
                        ddl.read(file, statements, locator.firstLine(statements));
                    }
                    default -> {
                    }
                }
            });
        }
    }

    /**
     * The SQL of a {@code sql} change: its text, without what a nested {@code comment} says (only its line breaks,
     * so that lines still match the file's).
     */
    private static String sqlText(Element sql) {
        StringBuilder text = new StringBuilder();
        for (Node child = sql.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            } else {
                text.append(child.getTextContent().replaceAll("[^\\n]", ""));
            }
        }
        return text.toString();
    }

    /**
     * A YAML scalar as text. A list or map where a name belongs gives none: YAML aliases can make a structure that
     * contains itself, which printing would never finish.
     */
    private static String scalar(Object value) {
        return value instanceof Map<?, ?> || value instanceof Collection<?> ? "" : String.valueOf(value);
    }

    /** Every map under a {@code changes:} list, wherever it is nested; each node once (aliases can make cycles). */
    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Map<String, Object>> changes, Set<Object> seen) {
        if ((node instanceof Map<?, ?> || node instanceof List<?>) && !seen.add(node)) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            Object list = map.get("changes");
            if (list instanceof List<?> items) {
                items.stream().filter(Map.class::isInstance).forEach(item -> changes.add((Map<String, Object>) item));
            }
            map.values().forEach(value -> collect(value, changes, seen));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, changes, seen));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> columns(Map<String, Object> attributes) {
        List<Map<String, Object>> columns = new ArrayList<>();
        if (attributes.get("columns") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> wrapper && wrapper.get("column") instanceof Map<?, ?> column) {
                    columns.add((Map<String, Object>) column);
                }
            }
        }
        return columns;
    }

    private static List<String> split(String columnNames) {
        return Arrays.stream(columnNames.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Element> elements(Document document, String name) {
        return list(document.getElementsByTagName(name));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }

    private static List<Element> list(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
