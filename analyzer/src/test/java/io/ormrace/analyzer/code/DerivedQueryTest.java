package io.ormrace.analyzer.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.analyzer.code.DerivedQuery.Operator;
import io.ormrace.analyzer.code.DerivedQuery.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DerivedQueryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            findByName                                   | name
            findByNameAndCategory                        | name,category
            findByNameIgnoreCase                         | name
            findByNameIsAndCategoryEquals                | name,category
            findByLastnameAndFirstnameAllIgnoreCase      | lastname,firstname
            findDistinctPeopleByLastnameAndFirstname     | lastname,firstname
            findFirstByEmailOrderByCreatedDesc           | email
            findTop10ByStatus                            | status
            readByCode                                   | code
            getByCode                                    | code
            queryByCode                                  | code
            searchByCode                                 | code
            streamByCode                                 | code
            countByOwner                                 | owner
            existsByEmail                                | email
            findByAddress_ZipCode                        | address.zipCode
            findByAddressZipCode                         | addressZipCode
            findByOrderNumber                            | orderNumber
            findByAuthorName                             | authorName
            """)
    void equalityCriteriaIdentifyTheRow(String method, String properties) {
        assertThat(DerivedQuery.parse(method)).get().extracting(DerivedQuery::equalityProperties)
                .isEqualTo(java.util.List.of(properties.split(",")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            findAllByOrderByPositionAsc
            findAllByOrderByName
            findByOrderByName
            findByNameOrEmail
            findByAgeBetween
            findByAgeLessThan
            findByAgeLessThanEqual
            findByAgeGreaterThanEqual
            findByStartAfter
            findByStartBefore
            findByNameLike
            findByNameNotLike
            findByNameStartingWith
            findByNameEndingWith
            findByNameContaining
            findByNameContainingIgnoreCase
            findByTagsIsEmpty
            findByIdIn
            findByIdNotIn
            findByActiveTrue
            findByActiveFalse
            findByDeletedAtIsNull
            findByDeletedAtNotNull
            findByStatusNot
            findByNameAndAgeGreaterThan
            deleteByName
            removeByName
            """)
    void otherCriteriaIdentifyNothingAndNeverFail(String method) {
        DerivedQuery query = DerivedQuery.parse(method).orElseThrow();
        assertThat(query.subject() == Subject.DELETE || query.equalityProperties().isEmpty())
                .as(query.toString()).isTrue();
    }

    @Test
    void emptyCriteriaAreAQueryWithNoGroups() {
        assertThat(DerivedQuery.parse("findAllByOrderByPositionAsc")).get()
                .satisfies(query -> {
                    assertThat(query.subject()).isEqualTo(Subject.FIND);
                    assertThat(query.groups()).isEmpty();
                });
    }

    @Test
    void operatorsAndIgnoreCaseAreRead() {
        DerivedQuery query = DerivedQuery.parse("findByNameStartingWithIgnoreCaseAndAgeBetweenOrEmailIs").orElseThrow();
        assertThat(query.groups()).hasSize(2);
        assertThat(query.groups().get(0)).extracting(DerivedQuery.Predicate::property, DerivedQuery.Predicate::operator,
                DerivedQuery.Predicate::ignoreCase).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", Operator.STARTING_WITH, true),
                        org.assertj.core.groups.Tuple.tuple("age", Operator.BETWEEN, false));
        assertThat(query.groups().get(1)).extracting(DerivedQuery.Predicate::operator).containsExactly(Operator.EQUALS);
    }

    @Test
    void subjectsAreRead() {
        assertThat(DerivedQuery.parse("countDistinctByStatus").orElseThrow().subject()).isEqualTo(Subject.COUNT);
        assertThat(DerivedQuery.parse("existsByEmailIgnoreCase").orElseThrow().subject()).isEqualTo(Subject.EXISTS);
        assertThat(DerivedQuery.parse("removeAllByOwner").orElseThrow().subject()).isEqualTo(Subject.DELETE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            findAll
            save
            findBy
            customLookup
            find
            By
            findByIn
            findByAnd
            findByOr
            findBy_
            findBy__X
            """)
    void namesOutsideTheGrammarDoNotFail(String method) {
        DerivedQuery.parse(method).ifPresent(DerivedQuery::equalityProperties);
    }

    @Test
    void pathColumnsOfAnEntity() {
        EntityInfo order = new EntityInfo("Order", "orders", new java.util.LinkedHashMap<>(java.util.Map.of(
                "id", "id", "customer", "customer_id", "number", "order_no", "address", "address")), java.util.List.of("id"), false);
        assertThat(order.pathColumn("number")).contains("order_no");
        assertThat(order.pathColumn("customerId")).contains("customer_id");
        assertThat(order.pathColumn("customer.id")).contains("customer_id");
        assertThat(order.pathColumn("customerEmail")).isEmpty();
        assertThat(order.pathColumn("address.zipCode")).isEmpty();
        assertThat(order.pathColumn("placedAt")).contains("placed_at");
    }
}
