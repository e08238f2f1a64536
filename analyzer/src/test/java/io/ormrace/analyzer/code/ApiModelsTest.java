package io.ormrace.analyzer.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.analyzer.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiModelsTest {

    @Test
    void readsEachLineAndWarnsAtTheLineItCannotRead() {
        List<Problem> problems = new ArrayList<>();
        ApiModels models = ApiModels.read("ormrace.models", """
                # comment
                com.acme.GenericDao.findByCode(1)  read  by=code,tenant optional
                GenericDao.lockById(1) read by=id locked   # trailing comment
                GenericDao.save(*) save arg=0
                GenericDao.purge(1) destroy
                GenericDao.find(1) read by=
                GenericDao.store(1) save arg=-1
                """, problems::add);

        assertThat(models.all()).extracting(ApiModel::type, ApiModel::method, ApiModel::arity, ApiModel::effect)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GenericDao", "findByCode", 1, ApiModel.Effect.READ),
                        org.assertj.core.groups.Tuple.tuple("GenericDao", "lockById", 1, ApiModel.Effect.READ),
                        org.assertj.core.groups.Tuple.tuple("GenericDao", "save", -1, ApiModel.Effect.SAVE));
        assertThat(models.all().get(0).by()).containsExactly("code", "tenant");
        assertThat(models.all().get(0).optional()).isTrue();
        assertThat(models.all().get(1).locked()).isTrue();
        assertThat(problems).extracting(Problem::line).containsExactly(5, 6, 7);
        assertThat(problems.get(2).message()).contains("'arg=-1' needs an argument's index");
        assertThat(problems.get(0).message()).contains("unknown effect 'destroy'");
        assertThat(problems.get(1).message()).contains("'by=' needs a value");
    }

    @Test
    void aModelOfASupertypeAppliesToItsSubtypesAndTheProjectsComeFirst() {
        ApiModels builtIn = ApiModels.read("a", "GenericDao.save(1) none", problem -> { });
        ApiModels project = builtIn.with(ApiModels.read("b", "GenericDao.save(1) save", problem -> { }));

        assertThat(project.find(List.of("VoucherDao", "GenericDao"), "save", 1)).map(ApiModel::effect).contains(ApiModel.Effect.SAVE);
        assertThat(project.find(List.of("VoucherDao"), "save", 1)).isEmpty();
        assertThat(project.find(List.of("GenericDao"), "save", 2)).isEmpty();
    }
}
