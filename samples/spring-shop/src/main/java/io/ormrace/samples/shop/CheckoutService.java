package io.ormrace.samples.shop;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CheckoutService {

    private final PurchaseOrderRepository orders;
    private final PaymentRepository payments;

    public CheckoutService(PurchaseOrderRepository orders, PaymentRepository payments) {
        this.orders = orders;
        this.payments = payments;
    }

    @Transactional
    public long place(long totalCents) {
        return orders.save(new PurchaseOrder(totalCents)).getId();
    }

    /** Checks that the order it read is pending, then marks it paid: a double click charges the customer twice. */
    @Transactional
    public boolean pay(long orderId) {
        PurchaseOrder order = orders.findById(orderId).orElseThrow(); // ormrace-runtime: lost-update
        if (order.getStatus() != OrderStatus.PENDING) {
            return false;
        }
        order.setStatus(OrderStatus.PAID); // ormrace: lost-update
        payments.save(new Payment(orderId, order.getTotalCents()));
        return true;
    }

    /** Only the caller whose update moved the order from PENDING to PAID takes the payment. */
    @Transactional
    public boolean payOnce(long orderId) {
        if (orders.transition(orderId, OrderStatus.PENDING, OrderStatus.PAID) == 0) {
            return false;
        }
        PurchaseOrder order = orders.findById(orderId).orElseThrow();
        payments.save(new Payment(orderId, order.getTotalCents()));
        return true;
    }

    @Transactional(readOnly = true)
    public long paymentsFor(long orderId) {
        return payments.countByOrderId(orderId);
    }
}
