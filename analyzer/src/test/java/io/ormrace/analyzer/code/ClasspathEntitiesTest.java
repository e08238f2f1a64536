package io.ormrace.analyzer.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.ormrace.analyzer.Analyzer;
import io.ormrace.core.Finding;
import io.ormrace.core.Rule;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entities of a domain module built apart, known from the class files of --classpath. */
class ClasspathEntitiesTest {

    @Test
    void anEntityOnlyTheClasspathDeclaresIsAnEntity(@TempDir Path work) throws Exception {
        Path domain = Files.createDirectories(work.resolve("domain/src/fx/domain"));
        Files.writeString(domain.resolve("Base.java"), """
                package fx.domain;
                @jakarta.persistence.MappedSuperclass
                public abstract class Base {
                    @jakarta.persistence.Id protected Long id;
                }
                """);
        Files.writeString(domain.resolve("Stock.java"), """
                package fx.domain;
                @jakarta.persistence.Entity
                @jakarta.persistence.Table(name = "stock_item")
                public class Stock extends Base {
                    private int quantity;
                    @jakarta.persistence.Column(name = "sku_code", unique = true) private String sku;
                    private static int counter;
                    public int getQuantity() { return quantity; }
                    public void setQuantity(int quantity) { this.quantity = quantity; }
                }
                """);
        Path classes = Files.createDirectories(work.resolve("domain/classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                domain.resolve("Base.java").toString(), domain.resolve("Stock.java").toString());
        assertThat(exit).isZero();

        Path service = Files.createDirectories(work.resolve("app/src/fx/app"));
        Files.writeString(service.resolve("Stocks.java"), """
                package fx.app;
                import fx.domain.Stock;
                public class Stocks {
                    interface StockRepository extends org.springframework.data.jpa.repository.JpaRepository<Stock, Long> {
                    }
                    private StockRepository stocks;
                    public void take(Long id) {
                        Stock stock = stocks.findById(id).orElseThrow();
                        stock.setQuantity(stock.getQuantity() - 1);
                        stocks.save(stock);
                    }
                }
                """);

        List<Finding> without = new Analyzer(work).analyze(List.of(work.resolve("app"))).findings();
        List<Finding> with = new Analyzer(work, Analyzer.Options.defaults().withClasspath(List.of(classes)))
                .analyze(List.of(work.resolve("app"))).findings();

        // without the class files, only the table's name is guessed from the repository's type argument
        assertThat(without).singleElement().satisfies(finding -> assertThat(finding.target()).isEqualTo("stock"));
        assertThat(with).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(Rule.LOST_UPDATE);
            assertThat(finding.message()).startsWith("Stock.quantity is read");
            assertThat(finding.target()).isEqualTo("Stock");
            assertThat(finding.location().line()).isEqualTo(10);
        });
        // a DTO of the sources named like the entity does not hide it where the entity is imported
        Path dto = Files.createDirectories(work.resolve("app/src/fx/api"));
        Files.writeString(dto.resolve("Stock.java"), "package fx.api;\npublic class Stock {\n}\n");
        List<Finding> besideDto = new Analyzer(work, Analyzer.Options.defaults().withClasspath(List.of(classes)))
                .analyze(List.of(work.resolve("app"))).findings();
        assertThat(besideDto).singleElement().satisfies(finding -> assertThat(finding.target()).isEqualTo("Stock"));

        List<EntityInfo> read = ClasspathEntities.read(List.of(classes), new io.ormrace.analyzer.schema.Schema(), p -> { });
        assertThat(read).singleElement().satisfies(entity -> {
            assertThat(entity.table()).isEqualTo("stock_item");
            assertThat(entity.idColumns()).containsExactly("id");
            assertThat(entity.columns()).containsEntry("sku", "sku_code").doesNotContainKey("counter");
        });
    }
}
