package io.ormrace.samples.shop;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InventoryService {

    private final ProductRepository products;

    public InventoryService(ProductRepository products) {
        this.products = products;
    }

    @Transactional
    public long add(String sku, int stock) {
        return products.save(new Product(sku, stock)).getId();
    }

    /** Checks the stock it read, then decrements it: two buyers of the last item both get it. */
    @Transactional
    public boolean reserve(long productId) {
        Product product = products.findById(productId).orElseThrow(); // ormrace-runtime: lost-update
        if (product.getStock() <= 0) {
            return false;
        }
        product.setStock(product.getStock() - 1); // ormrace: lost-update
        return true;
    }

    /** The check and the decrement run as one statement in the database. */
    @Transactional
    public boolean reserveAtomically(long productId) {
        return products.takeOneIfInStock(productId) == 1;
    }

    /**
     * Called by the nightly delivery import. It looks protected, since {@link #addStock} is transactional and
     * locks the row, but this is a call on {@code this}: it bypasses the Spring proxy, so no transaction is begun.
     */
    public void restock(long productId, int quantity) {
        addStock(productId, quantity); // ormrace: lock-outside-transaction
    }

    @Transactional
    public void addStock(long productId, int quantity) {
        Product product = products.findByIdForUpdate(productId).orElseThrow();
        product.setStock(product.getStock() + quantity);
        products.save(product);
    }

    /**
     * Puts returned items back. The private method's {@code @Transactional} is never applied (the proxy cannot
     * intercept a private method), so its {@code for update} runs in autocommit and its lock is gone before the
     * save: the read-modify-write looks protected but is not.
     */
    public void acceptReturn(long productId, int quantity) {
        putBack(productId, quantity);
    }

    @Transactional
    private void putBack(long productId, int quantity) {
        Product product = products.lockById(productId).orElseThrow(); // ormrace: lock-outside-transaction // ormrace-runtime: lock-outside-transaction, lost-update
        product.setStock(product.getStock() + quantity);
        products.save(product); // ormrace: lost-update
    }

    @Transactional(readOnly = true)
    public int stock(long productId) {
        return products.findById(productId).orElseThrow().getStock();
    }
}
