package io.tributary.shared;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Small application-wide facts kept in the database, such as "the demo data was loaded". */
@Component
public class Settings {

    private final JdbcClient jdbc;

    Settings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code name} once; true for the one caller (of any instance) that recorded it. */
    public boolean claim(String name, String value) {
        return jdbc.sql("insert into app_setting (name, value) values (:n, :v) on conflict do nothing")
                .param("n", name).param("v", value).update() == 1;
    }

    public Optional<String> get(String name) {
        return jdbc.sql("select value from app_setting where name = :n").param("n", name).query(String.class).optional();
    }
}
