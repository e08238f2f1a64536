package io.ormrace.analyzer.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryWhereTest {

    @Test
    void aPathOfTheRootKeepsItsAttributes() {
        assertThat(QueryWhere.equalities("select p from Pet p where p.owner.id = :id and p.name = :name"))
                .containsExactly("owner.id", "name");
    }

    @Test
    void anAliasJoinedAlongAnAttributeIsThatAttributesRowById() {
        assertThat(QueryWhere.equalities("select c from Catalog c join c.merchantStore cm left join fetch c.entry ce "
                + "where c.code=?1 and cm.id = ?2")).containsExactly("code", "merchantStore.id");
        assertThat(QueryWhere.equalities("select distinct u from User as u join fetch u.merchantStore um "
                + "where u.adminName= ?1 and um.code = ?2")).containsExactly("adminName", "merchantStore.id");
    }

    @Test
    void aColumnOfAnotherTableIsNoKeyOfTheTableRead() {
        assertThat(QueryWhere.equalities("select * from orders o, customers c where c.email = ? and o.customer_id = c.id"))
                .isEmpty();
        assertThat(QueryWhere.equalities("select * from users u where u.email = ? or u.name = ?")).isEmpty();
    }

    @Test
    void sqlWithoutAliasOrWithTheTablesName() {
        assertThat(QueryWhere.equalities("SELECT id FROM users WHERE users.email = ? FOR UPDATE")).containsExactly("email");
        assertThat(QueryWhere.equalities("select id from users where email = :email order by id")).containsExactly("email");
    }
}
