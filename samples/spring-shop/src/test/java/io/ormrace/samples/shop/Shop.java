package io.ormrace.samples.shop;

import io.ormrace.samples.testkit.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The shop, started once per database for the whole run, on the test database's pooled data source. */
final class Shop implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Shop(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static <T> T bean(TestDatabase db, Class<T> type) {
        return db.shared(Shop.class, Shop::start).context.getBean(type);
    }

    private static Shop start(TestDatabase db) {
        return new Shop(new SpringApplicationBuilder(ShopApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory().registerSingleton("dataSource", db.dataSource()))
                .run());
    }

    @Override
    public void close() {
        context.close();
    }
}
