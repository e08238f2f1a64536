package io.ormrace.analyzer.schema;

import io.ormrace.analyzer.schema.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Walking a statement's tokens: parentheses, comma-separated lists, names. */
final class Tokens {

    private Tokens() {
    }

    /** The index of the {@code )} that closes the {@code (} at {@code open}; the end of the list if none does. */
    static int closingParen(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    /** The index of the first {@code (} from {@code from} on, or -1. */
    static int nextParen(List<Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                return i;
            }
        }
        return -1;
    }

    /** What the parenthesis at {@code open} encloses. */
    static List<Token> enclosed(List<Token> tokens, int open) {
        return tokens.subList(open + 1, closingParen(tokens, open));
    }

    /** The comma-separated parts of a list, commas inside parentheses left alone; empty parts dropped. */
    static List<List<Token>> splitAtCommas(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            Token token = i < tokens.size() ? tokens.get(i) : null;
            if (token == null || depth == 0 && token.isSymbol(",")) {
                if (i > start) {
                    parts.add(tokens.subList(start, i));
                }
                start = i + 1;
            } else if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth = Math.max(0, depth - 1);
            }
        }
        return parts;
    }

    /** How deep parentheses nest. */
    static int nesting(List<Token> tokens) {
        int depth = 0;
        int deepest = 0;
        for (Token token : tokens) {
            if (token.isSymbol("(")) {
                deepest = Math.max(deepest, ++depth);
            } else if (token.isSymbol(")")) {
                depth--;
            }
        }
        return deepest;
    }

    /** Whether the words UNIQUE or PRIMARY KEY appear, outside strings and quoted names. */
    static boolean mentionUniqueKey(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("UNIQUE") || tokens.get(i).isWord("PRIMARY") && isWord(tokens, i + 1, "KEY")) {
                return true;
            }
        }
        return false;
    }

    static boolean isWord(List<Token> tokens, int index, String word) {
        return index >= 0 && index < tokens.size() && tokens.get(index).isWord(word);
    }

    static boolean isSymbol(List<Token> tokens, int index, String symbol) {
        return index >= 0 && index < tokens.size() && tokens.get(index).isSymbol(symbol);
    }

    /** {@code shop."Order"} as JSqlParser prints it is {@code Order}: the last part, unquoted. */
    static Optional<String> plainName(String printed) {
        if (printed == null) {
            return Optional.empty();
        }
        List<Token> tokens = SqlLexer.tokens(printed);
        return tokens.isEmpty() || !tokens.get(tokens.size() - 1).isName() ? Optional.empty()
                : Optional.of(tokens.get(tokens.size() - 1).text());
    }
}
