package io.tributary.support;

import io.tributary.TributaryApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole application started by hand on a random port: for tests that need more than one
 * instance on one database, or an instance whose database goes away. Close it when done.
 */
public final class AppInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AppInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static AppInstance start(String jdbcUrl, String user, String password, String... extra) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", "0");
        props.put("tributary.db.url", jdbcUrl);
        props.put("tributary.db.user", user);
        props.put("tributary.db.password", password);
        props.put("tributary.admin-password", Api.ADMIN_PASSWORD);
        props.put("tributary.demo-data", "false");
        props.put("spring.jmx.enabled", "false");
        for (String kv : extra) {
            int eq = kv.indexOf('=');
            props.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        // Command-line arguments outrank application.yml (default properties would not).
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TributaryApplication.class).run(args);
        return new AppInstance(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Api admin() {
        return Api.basic(port(), "admin", Api.ADMIN_PASSWORD);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
