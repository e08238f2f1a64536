package io.ormrace.analyzer.code;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import io.ormrace.analyzer.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * MyBatis mappers: the SQL of each mapper method, from its {@code @Select}/{@code @Insert}/{@code @Update}/
 * {@code @Delete} annotation or from the {@code <mapper namespace="...">} XML file that holds its statement. Dynamic
 * SQL is flattened: every {@code <if>} is taken, {@code <where>} and {@code <set>} become their keywords; a where
 * clause that depends on such conditions is marked, since it is no lookup by a fixed key.
 */
public final class MyBatisMappers {

    private static final List<String> KINDS = List.of("select", "insert", "update", "delete");
    private static final List<String> CONDITIONAL = List.of("if", "choose", "foreach", "trim", "bind");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*(\\[[^]]*])?\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAMETER = Pattern.compile("#\\{\\s*([\\w.]+)[^}]*}");
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{[^}]*}");

    /**
     * One mapped statement.
     *
     * @param sql          the SQL with each {@code #{name}} written as {@code :name}
     * @param resultType   the simple name of the XML's result type, if it names one
     * @param conditional  the where clause depends on dynamic conditions, or on text substituted with {@code ${...}}
     */
    public record Statement(String kind, String sql, String resultType, boolean conditional, String file, int line) {
    }

    private final Map<String, Map<String, Statement>> byMapper = new ConcurrentHashMap<>();
    private final java.util.Set<String> objectTypes = ConcurrentHashMap.newKeySet();

    public static boolean isMapperXml(String text) {
        return text.contains("<mapper") && text.contains("namespace");
    }

    /** The statement of a mapper's method, by the mapper's simple name. */
    public Optional<Statement> statement(String mapper, String method) {
        Map<String, Statement> statements = byMapper.get(mapper);
        return statements == null ? Optional.empty() : Optional.ofNullable(statements.get(method));
    }

    /** The simple names of the mappers: database types, though their Java files may name no database API. */
    public List<String> mappers() {
        return List.copyOf(byMapper.keySet());
    }

    public boolean isEmpty() {
        return byMapper.isEmpty();
    }

    /** Whether a class (by simple name) is one that statements map rows into or take as their parameter. */
    public boolean mapsObjects(String simpleName) {
        return objectTypes.contains(simpleName);
    }

    /** Reads one XML mapper file; a file that cannot be read is one warning, and its statements are skipped. */
    public void readXml(String file, String text, Consumer<Problem> problems) {
        Document document;
        try {
            // the DTD is MyBatis's, fetched from the web by MyBatis itself: never read here
            document = builder().parse(new ByteArrayInputStream(DOCTYPE.matcher(text).replaceFirst("")
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (SAXParseException e) {
            problems.accept(Problem.warning(file, e.getLineNumber(), "MyBatis mapper not read: " + e.getMessage()));
            return;
        } catch (Exception e) {
            problems.accept(Problem.warning(file, 0, "MyBatis mapper not read: " + e.getMessage()));
            return;
        }
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("mapper") || root.getAttribute("namespace").isBlank()) {
            return;
        }
        String mapper = simpleName(root.getAttribute("namespace"));
        Map<String, Element> fragments = new HashMap<>();
        Map<String, String> resultMaps = new HashMap<>();
        for (Element child : children(root)) {
            if (child.getTagName().equals("sql")) {
                fragments.put(child.getAttribute("id"), child);
            } else if (child.getTagName().equals("resultMap")) {
                resultMaps.put(child.getAttribute("id"), simpleName(child.getAttribute("type")));
                objectTypes.add(simpleName(child.getAttribute("type")));
            }
        }
        Map<String, Statement> statements = byMapper.computeIfAbsent(mapper, name -> new ConcurrentHashMap<>());
        for (Element child : children(root)) {
            if (!KINDS.contains(child.getTagName()) || child.getAttribute("id").isBlank()) {
                continue;
            }
            StringBuilder sql = new StringBuilder();
            boolean[] conditional = {false};
            flatten(child, fragments, sql, conditional, 0);
            String resultType = !child.getAttribute("resultType").isBlank() ? simpleName(child.getAttribute("resultType"))
                    : resultMaps.get(simpleName(child.getAttribute("resultMap")));
            if (resultType != null) {
                objectTypes.add(resultType);
            }
            if (!child.getAttribute("parameterType").isBlank()) {
                objectTypes.add(simpleName(child.getAttribute("parameterType")));
            }
            int line = lineOf(text, "id=\"" + child.getAttribute("id") + "\"");
            statements.put(child.getAttribute("id"), statement(child.getTagName(), sql.toString(), resultType,
                    conditional[0], file, line));
        }
    }

    /** Reads the annotated methods of a mapper interface. */
    public void readAnnotated(ClassOrInterfaceDeclaration type, String file) {
        if (!type.isInterface()) {
            return;
        }
        for (MethodDeclaration method : type.getMethods()) {
            for (String kind : KINDS) {
                String annotationName = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
                Optional<AnnotationExpr> annotation = Annotations.find(method, annotationName);
                if (annotation.isEmpty() || !isMyBatis(annotation.get())) {
                    continue;
                }
                String text = annotationText(annotation.get());
                if (text.isBlank()) {
                    continue;
                }
                objectTypes.add(CodeIndex.simpleName(method.getType()));
                method.getParameters().forEach(parameter -> objectTypes.add(CodeIndex.simpleName(parameter.getType())));
                StringBuilder sql = new StringBuilder();
                boolean[] conditional = {false};
                if (text.strip().startsWith("<script>")) {
                    scriptText(text, sql, conditional);
                } else {
                    sql.append(text);
                }
                byMapper.computeIfAbsent(type.getNameAsString(), name -> new ConcurrentHashMap<>())
                        .put(method.getNameAsString(), statement(kind, sql.toString(), null, conditional[0], file,
                                method.getBegin().map(p -> p.line).orElse(0)));
            }
        }
    }

    /** {@code @Select} of MyBatis, not a same-named annotation of another library: an SQL text, or an array of them. */
    private static boolean isMyBatis(AnnotationExpr annotation) {
        String name = annotation.getNameAsString();
        return !name.contains(".") || name.startsWith("org.apache.ibatis.");
    }

    private static String annotationText(AnnotationExpr annotation) {
        Optional<Expression> value = Annotations.attribute(annotation, "value");
        if (value.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Expression element : Annotations.elements(value.get())) {
            Annotations.constantString(element).ifPresent(part -> text.append(part).append(' '));
        }
        return text.toString();
    }

    private static void scriptText(String script, StringBuilder sql, boolean[] conditional) {
        try {
            Document document = builder().parse(new ByteArrayInputStream(script.strip().getBytes(StandardCharsets.UTF_8)));
            flatten(document.getDocumentElement(), Map.of(), sql, conditional, 0);
        } catch (Exception e) {
            conditional[0] = true; // a script we cannot read has no key we can trust
            sql.append(script.replaceAll("<[^>]*>", " "));
        }
    }

    /** A parser that reads no DTD and no external entity, and reports its errors to no console. */
    private static DocumentBuilder builder() throws javax.xml.parsers.ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler());
        return builder;
    }

    private static Statement statement(String kind, String flat, String resultType, boolean conditional, String file, int line) {
        String sql = flat.strip().replaceAll("\\s+", " ");
        boolean substituted = SUBSTITUTION.matcher(sql).find();
        sql = SUBSTITUTION.matcher(sql).replaceAll("?");
        sql = PARAMETER.matcher(sql).replaceAll(match -> ":" + match.group(1).replace(".", "__"));
        return new Statement(kind, sql, resultType, conditional || substituted, file, line);
    }

    /**
     * The text of a dynamic SQL element: {@code <include>} replaced by its fragment, {@code <where>} and {@code <set>}
     * by their keyword, with the and/or or comma they strip; every {@code <if>} and the first {@code <when>} taken.
     * A condition met after the where keyword makes the statement conditional.
     */
    private static void flatten(Node node, Map<String, Element> fragments, StringBuilder sql, boolean[] conditional, int depth) {
        if (depth > 20) {
            return;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                sql.append(child.getNodeValue());
                continue;
            }
            if (!(child instanceof Element element)) {
                continue;
            }
            String tag = element.getTagName();
            boolean inWhere = sql.toString().toLowerCase(Locale.ROOT).contains(" where ")
                    || sql.toString().toLowerCase(Locale.ROOT).strip().endsWith("where");
            switch (tag) {
                case "include" -> {
                    Element fragment = fragments.get(simpleName(element.getAttribute("refid")));
                    if (fragment != null) {
                        flatten(fragment, fragments, sql, conditional, depth + 1);
                    } else {
                        conditional[0] |= inWhere;
                    }
                }
                case "where" -> {
                    StringBuilder inner = new StringBuilder();
                    boolean[] innerConditional = {false};
                    flatten(element, fragments, inner, innerConditional, depth + 1);
                    String text = inner.toString().strip().replaceFirst("(?i)^(and|or)\\s+", "");
                    conditional[0] |= innerConditional[0] || hasCondition(element);
                    sql.append(" where ").append(text).append(' ');
                }
                case "set" -> {
                    StringBuilder inner = new StringBuilder();
                    flatten(element, fragments, inner, new boolean[1], depth + 1);
                    sql.append(" set ").append(inner.toString().strip().replaceFirst(",$", "")).append(' ');
                }
                case "choose" -> {
                    conditional[0] |= inWhere;
                    children(element).stream().filter(e -> e.getTagName().equals("when")).findFirst()
                            .ifPresent(when -> flatten(when, fragments, sql, conditional, depth + 1));
                }
                case "foreach" -> {
                    conditional[0] |= inWhere;
                    sql.append(" (?) ");
                }
                case "selectKey", "bind" -> {
                }
                default -> { // if, trim, otherwise and the rest: their text, as written
                    conditional[0] |= inWhere && CONDITIONAL.contains(tag);
                    StringBuilder inner = new StringBuilder();
                    flatten(element, fragments, inner, conditional, depth + 1);
                    String text = inner.toString();
                    if (tag.equals("trim")) {
                        text = element.getAttribute("prefix") + " " + text.strip().replaceFirst(",$", "") + " "
                                + element.getAttribute("suffix");
                    }
                    sql.append(' ').append(text).append(' ');
                }
            }
        }
    }

    private static boolean hasCondition(Element element) {
        for (String tag : CONDITIONAL) {
            if (element.getElementsByTagName(tag).getLength() > 0) {
                return true;
            }
        }
        return element.getElementsByTagName("include").getLength() > 0;
    }

    private static List<Element> children(Node node) {
        List<Element> elements = new java.util.ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String simpleName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name.strip() : name.substring(dot + 1).strip();
    }

    private static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
