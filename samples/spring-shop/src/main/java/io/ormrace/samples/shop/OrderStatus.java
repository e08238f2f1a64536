package io.ormrace.samples.shop;

public enum OrderStatus {
    PENDING, PAID, CANCELLED
}
