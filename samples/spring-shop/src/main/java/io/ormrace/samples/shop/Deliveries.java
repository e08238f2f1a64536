package io.ormrace.samples.shop;

import org.springframework.stereotype.Service;

/** Books deliveries into stock through the inventory's proxy, so that its transaction and lock apply. */
@Service
public class Deliveries {

    private final InventoryService inventory;

    public Deliveries(InventoryService inventory) {
        this.inventory = inventory;
    }

    public void receive(long productId, int quantity) {
        inventory.addStock(productId, quantity);
    }
}
