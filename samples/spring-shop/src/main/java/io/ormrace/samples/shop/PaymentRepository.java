package io.ormrace.samples.shop;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentRepository extends JpaRepository<Payment, Long> {

    long countByOrderId(long orderId);
}
