package io.ormrace.analyzer.flow;

import io.ormrace.analyzer.schema.Names;
import java.util.regex.Pattern;

/**
 * Columns a row gets once, when it is made, and keeps: its id, a uuid, who created it and when, its position in a
 * sequence. Set under a null check ({@code if (x.getCreatedBy() == null) x.setCreatedBy(user)}) they fill in what a
 * new row lacks; on a row read from the database the check is false, so it is no check-then-set race.
 */
final class SetOnceColumns {

    private static final Pattern SET_ONCE = Pattern.compile(
            "(uu|gu)?id|(created|creat(ion|or))(_?(by|at|on|date|time|user|timestamp))?(_id)?|date_?created|\\w*_created(_id)?"
                    + "|inserted(_\\w+)?|registered_?(at|on|date)|sequence(_?no|_?number)?|seq(_?no)?");

    private SetOnceColumns() {
    }

    /** By the column's name or the attribute's (a mapping may misspell the column: {@code FULFILLMENT_GROUP_SEQUNCE}). */
    static boolean isSetOnce(RowOrigin row, String attribute, String column) {
        String key = Names.key(column);
        return (row.entity != null && row.entity.idColumns().stream().anyMatch(id -> Names.key(id).equals(key)))
                || SET_ONCE.matcher(key).matches() || SET_ONCE.matcher(Names.key(Names.snake(attribute))).matches();
    }
}
