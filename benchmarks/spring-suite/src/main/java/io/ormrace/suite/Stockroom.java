package io.ormrace.suite;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A read-modify-write and a get-or-create, the everyday shapes the agent watches. */
@Service
public class Stockroom {

    private final ItemRepository items;

    public Stockroom(ItemRepository items) {
        this.items = items;
    }

    @Transactional
    public Item stock(String name, int count) {
        Item item = items.findByName(name).orElseGet(() -> items.save(new Item(name, 0)));
        item.setStock(item.getStock() + count);
        return item;
    }

    @Transactional(readOnly = true)
    public int count(String name) {
        return items.findByName(name).map(Item::getStock).orElse(0);
    }
}
