package io.ormrace.analyzer.code;

import io.ormrace.analyzer.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The models of persistence API methods the walk applies ({@link ApiModel}), read from models files:
 *
 * <pre>
 * # a comment
 * GenericDao.findById(1)     read   by=id
 * GenericDao.findByEmail(1)  read   by=email optional
 * GenericDao.lockById(1)     read   by=id locked
 * GenericDao.save(1)         save   arg=0
 * PaymentGateway.charge(*)   effect
 * </pre>
 *
 * A line that cannot be read is a warning at its line, and the rest of the file counts.
 */
public final class ApiModels {

    private static final Pattern LINE = Pattern.compile("([\\w.$]+)\\.(\\w+)\\((\\d+|\\*)\\)\\s+(\\w[\\w-]*)((?:\\s+\\S+)*)");

    private final List<ApiModel> models;
    /** The models' method names: asked at every call the walk meets, which is nearly never one of them. */
    private final java.util.Set<String> methods;

    private ApiModels(List<ApiModel> models) {
        this.models = List.copyOf(models);
        this.methods = java.util.Set.copyOf(models.stream().map(ApiModel::method).toList());
    }

    /** Whether some model describes a method of this name and number of arguments, of any type. */
    public boolean describesAny(String method, int arguments) {
        if (!methods.contains(method)) {
            return false;
        }
        for (ApiModel model : models) {
            if (model.matches(method, arguments)) {
                return true;
            }
        }
        return false;
    }

    public static ApiModels none() {
        return new ApiModels(List.of());
    }

    public static ApiModels of(List<ApiModel> models) {
        return new ApiModels(models);
    }

    public List<ApiModel> all() {
        return models;
    }

    /** Reads a models file's text; {@code path} names it in messages. */
    public static ApiModels read(String path, String text, Consumer<Problem> problems) {
        List<ApiModel> read = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                read.add(parse(line, path + ":" + (i + 1)));
            } catch (IllegalArgumentException e) {
                problems.accept(Problem.warning(path, i + 1, "model not read, skipped: " + e.getMessage()
                        + " (expected: Type.method(arity) read|exists|save|insert|update|effect|none [by=a,b] [arg=N] "
                        + "[entity=Name] [optional] [locked])"));
            }
        }
        return new ApiModels(read);
    }

    public ApiModels with(ApiModels more) {
        List<ApiModel> all = new ArrayList<>(more.models); // later files first: a project's models override
        all.addAll(models);
        return new ApiModels(all);
    }

    private static ApiModel parse(String line, String where) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + line + "'");
        }
        String type = matcher.group(1).substring(matcher.group(1).lastIndexOf('.') + 1);
        int arity = matcher.group(3).equals("*") ? -1 : Integer.parseInt(matcher.group(3));
        ApiModel.Effect effect;
        try {
            effect = ApiModel.Effect.valueOf(matcher.group(4).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown effect '" + matcher.group(4) + "'");
        }
        String entity = null;
        List<String> by = List.of();
        int argument = 0;
        boolean optional = false;
        boolean locked = false;
        for (String option : matcher.group(5).strip().split("\\s+")) {
            if (option.isEmpty()) {
                continue;
            }
            String[] pair = option.split("=", 2);
            switch (pair[0]) {
                case "by" -> by = Arrays.stream(value(pair, option).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                case "arg" -> {
                    argument = number(value(pair, option), option);
                    if (argument < 0) {
                        throw new IllegalArgumentException("'" + option + "' needs an argument's index, 0 or more");
                    }
                }
                case "entity" -> entity = value(pair, option);
                case "optional" -> optional = true;
                case "locked" -> locked = true;
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        return new ApiModel(type, matcher.group(2), arity, effect, entity, by, argument, optional, locked, where);
    }

    private static String value(String[] pair, String option) {
        if (pair.length < 2 || pair[1].isEmpty()) {
            throw new IllegalArgumentException("'" + option + "' needs a value");
        }
        return pair[1];
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + option + "' needs a number");
        }
    }

    /** The model of a method called on a receiver whose type, or a supertype of it, has one of these names. */
    public Optional<ApiModel> find(List<String> typeNames, String method, int arguments) {
        for (String type : typeNames) {
            for (ApiModel model : models) {
                if (model.type().equals(type) && model.matches(method, arguments)) {
                    return Optional.of(model);
                }
            }
        }
        return Optional.empty();
    }
}
