package io.ormrace.samples.shop;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {

    /** Moves the order from one status to the next only if it is still in the first: 1 if it moved, else 0. */
    @Modifying(clearAutomatically = true)
    @Query("update PurchaseOrder o set o.status = :to where o.id = :id and o.status = :from")
    int transition(long id, OrderStatus from, OrderStatus to);
}
