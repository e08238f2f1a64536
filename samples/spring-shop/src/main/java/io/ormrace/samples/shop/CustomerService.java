package io.ormrace.samples.shop;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerRegistrations registrations;

    public CustomerService(CustomerRepository customers, CustomerRegistrations registrations) {
        this.customers = customers;
        this.registrations = registrations;
    }

    /**
     * Get-or-create on a unique column: no duplicate can be stored, but a concurrent registration of the same
     * address makes this one fail at commit instead of returning the customer.
     */
    @Transactional
    public Customer findOrRegister(String email) {
        return customers.findByEmail(email)
                .orElseGet(() -> customers.save(new Customer(email))); // ormrace: unhandled-unique-violation
    }

    /**
     * Not transactional on purpose: the insert runs in its own transaction, and after a duplicate the winner's
     * row is read in a new one, which sees it on every database and isolation level.
     */
    public Customer findOrRegisterSafely(String email) {
        return customers.findByEmail(email).orElseGet(() -> {
            try {
                return registrations.register(email);
            } catch (DataIntegrityViolationException alreadyRegistered) {
                return customers.findByEmail(email).orElseThrow();
            }
        });
    }

    @Transactional(readOnly = true)
    public long count(String email) {
        return customers.countByEmail(email);
    }
}
