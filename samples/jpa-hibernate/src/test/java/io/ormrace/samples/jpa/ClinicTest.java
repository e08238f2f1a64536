package io.ormrace.samples.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.samples.testkit.EveryDatabase;
import io.ormrace.samples.testkit.TestDatabase;

/**
 * The agent's quiet case: Hibernate loads a pet's empty visits (select ... from visit where pet_id = ?), then a visit
 * with that pet_id is inserted. That is a collection growing, not a get-or-create, and samples/scan's
 * RuntimeFindingsTest holds the agent to reporting nothing here.
 */
class ClinicTest {

    @EveryDatabase
    void aPetsFirstAndSecondVisitsAreBothKept(TestDatabase db) {
        Clinic clinic = Ledger.on(db).clinic;
        String pet = clinic.register();

        assertThat(clinic.addVisit(pet, "vaccination")).isEqualTo(1);
        assertThat(clinic.addVisit(pet, "check-up")).isEqualTo(2);
    }
}
