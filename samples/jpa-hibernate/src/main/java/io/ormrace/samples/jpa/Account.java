package io.ormrace.samples.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's account. The balance must never go below zero. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @Column(length = 34)
    private String number;

    @Column(name = "balance_cents", nullable = false)
    private long balanceCents;

    protected Account() {
    }

    public Account(String number, long balanceCents) {
        this.number = number;
        this.balanceCents = balanceCents;
    }

    public String getNumber() {
        return number;
    }

    public long getBalanceCents() {
        return balanceCents;
    }

    public void setBalanceCents(long balanceCents) {
        this.balanceCents = balanceCents;
    }
}
