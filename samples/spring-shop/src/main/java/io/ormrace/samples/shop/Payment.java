package io.ormrace.samples.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Money taken from the customer for an order: one per order, or the customer paid twice. */
@Entity
public class Payment {

    @Id
    @GeneratedValue
    private Long id;

    private long orderId;

    private long amountCents;

    protected Payment() {
    }

    public Payment(long orderId, long amountCents) {
        this.orderId = orderId;
        this.amountCents = amountCents;
    }

    public Long getId() {
        return id;
    }

    public long getOrderId() {
        return orderId;
    }

    public long getAmountCents() {
        return amountCents;
    }
}
