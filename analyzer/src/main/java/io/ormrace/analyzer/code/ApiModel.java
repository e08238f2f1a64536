package io.ormrace.analyzer.code;

import java.util.List;

/**
 * What one method of a persistence API does, described as data: {@code GenericDao.findById(1) read by=id}. The walk
 * applies it to every call of that method on a receiver of that type or of a subtype, so a project's own DAO (or a
 * library the analyzer does not model) is one line of a models file, not a change to the analyzer.
 *
 * @param type      the simple name of the type that declares the method
 * @param method    the method's name
 * @param arity     its number of arguments, or -1 for any
 * @param effect    what it does
 * @param entity    the entity it reads or writes, or null: the receiver's type argument, or the argument's entity
 * @param by        the attributes a read or existence test looks the row up by
 * @param argument  which argument a save or insert writes
 * @param optional  a read returns an {@code Optional}, not the row or null
 * @param locked    a read takes a pessimistic lock
 * @param line      where the model is written, for messages
 */
public record ApiModel(String type, String method, int arity, Effect effect, String entity, List<String> by, int argument,
        boolean optional, boolean locked, String line) {

    public enum Effect {
        /** returns a row read by the {@code by} attributes */
        READ,
        /** returns whether a row with the {@code by} attributes exists */
        EXISTS,
        /** writes the argument: inserts a new row, updates one read before */
        SAVE,
        /** inserts the argument */
        INSERT,
        /** a modifying statement: something a second caller would do again */
        UPDATE,
        /** an effect outside the database that a second caller would repeat (a payment, a message) */
        EFFECT,
        /** nothing the races are made of (a model that silences a method the analyzer would guess at) */
        NONE
    }

    public boolean matches(String name, int arguments) {
        return method.equals(name) && (arity < 0 || arity == arguments);
    }
}
