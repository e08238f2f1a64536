package io.ormrace.samples.shop;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Inserts a customer in a transaction of its own, so that a duplicate fails only this insert. */
@Service
public class CustomerRegistrations {

    private final CustomerRepository customers;

    public CustomerRegistrations(CustomerRepository customers) {
        this.customers = customers;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Customer register(String email) {
        return customers.saveAndFlush(new Customer(email));
    }
}
