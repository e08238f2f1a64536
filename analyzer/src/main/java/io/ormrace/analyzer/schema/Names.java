package io.ormrace.analyzer.schema;

import java.util.Locale;

/**
 * Compares table and column names the way databases and ORMs spell them differently: {@code PurchaseOrder},
 * {@code purchase_order}, {@code "PURCHASE_ORDER"} and {@code shop.purchase_order} are the same table.
 */
public final class Names {

    private Names() {
    }

    public static String key(String name) {
        String unqualified = name.substring(name.lastIndexOf('.') + 1);
        return unqualified.replaceAll("[\"`\\[\\]_]", "").toLowerCase(Locale.ROOT);
    }

    /** {@code PurchaseOrder} to {@code purchase_order}: Spring Boot's default physical naming. */
    public static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** {@code created_at} to {@code createdAt}: MyBatis's {@code mapUnderscoreToCamelCase}. */
    public static String camel(String column) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = camel.length() > 0;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
