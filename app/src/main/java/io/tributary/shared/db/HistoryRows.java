package io.tributary.shared.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;

/**
 * Reads a transition history row ({@code at, actor, event, from_status, to_status, note}) as the
 * REST API shows it: {@code { at, actor, event, from, to, note }}.
 */
public final class HistoryRows {

    /** The columns a history query selects, in this order. */
    public static final String COLUMNS = "at, actor, event, from_status, to_status, note";

    public static final RowMapper<Map<String, Object>> MAPPER = HistoryRows::row;

    private HistoryRows() {
    }

    private static Map<String, Object> row(ResultSet rs, int rowNum) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", rs.getTimestamp("at").toInstant());
        m.put("actor", rs.getString("actor"));
        m.put("event", rs.getString("event"));
        m.put("from", rs.getString("from_status"));
        m.put("to", rs.getString("to_status"));
        m.put("note", rs.getString("note"));
        return m;
    }
}
