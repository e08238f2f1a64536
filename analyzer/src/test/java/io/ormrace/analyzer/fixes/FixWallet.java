package io.ormrace.analyzer.fixes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity the racy services below use, compiled so that the fixes offered for it can run through Hibernate. */
@Entity
public class FixWallet {
    @Id
    private Long id;
    private long balance;
    private String notes;
    private String status;

    protected FixWallet() {
    }

    public FixWallet(Long id, long balance, String notes, String status) {
        this.id = id;
        this.balance = balance;
        this.notes = notes;
        this.status = status;
    }

    public Long getId() { return id; }
    public long getBalance() { return balance; }
    public void setBalance(long balance) { this.balance = balance; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
