package io.tributary.inventory.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the inventory documents that explain movements: cycle counts and snapshots. */
@Repository
public class DocumentStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DocumentStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public record CountHead(UUID id, UUID locationId, String location, BigDecimal tolerancePercent, String status,
                            String note, Instant countedAt, Instant createdAt, String createdBy, Instant decidedAt,
                            String decidedBy, long version) {
    }

    public record CountLineRow(int lineNo, UUID itemId, String sku, long expected, long counted, long variance,
                               BigDecimal variancePercent, boolean withinTolerance, boolean applied) {
    }

    public void insertCount(CountHead head, List<CountLineRow> lines) {
        jdbc.sql("""
                insert into inventory_count (id, location_id, location, tolerance_percent, status, note, counted_at, created_at, created_by)
                values (:id, :lid, :loc, :tol, :status, :note, :countedAt, :createdAt, :by)""")
                .param("id", head.id()).param("lid", head.locationId()).param("loc", head.location())
                .param("tol", head.tolerancePercent()).param("status", head.status()).param("note", head.note())
                .param("countedAt", Timestamp.from(head.countedAt())).param("createdAt", Timestamp.from(head.createdAt()))
                .param("by", head.createdBy()).update();
        List<Object[]> args = new ArrayList<>();
        for (CountLineRow l : lines) {
            args.add(new Object[] {head.id(), l.lineNo(), l.itemId(), l.sku(), l.expected(), l.counted(), l.variance(),
                    l.variancePercent(), l.withinTolerance(), l.applied()});
        }
        template.batchUpdate("""
                insert into inventory_count_line (count_id, line_no, item_id, sku, expected, counted, variance,
                    variance_percent, within_tolerance, applied)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", args);
    }

    public Optional<CountHead> count(UUID id, boolean lock) {
        return jdbc.sql("""
                select id, location_id, location, tolerance_percent, status, note, counted_at, created_at, created_by,
                       decided_at, decided_by, version
                from inventory_count where id = :id""" + (lock ? " for update" : ""))
                .param("id", id)
                .query((rs, i) -> new CountHead(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(), rs.getString(9),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getLong(12)))
                .optional();
    }

    public List<CountLineRow> countLines(UUID id) {
        return jdbc.sql("""
                select line_no, item_id, sku, expected, counted, variance, variance_percent, within_tolerance, applied
                from inventory_count_line where count_id = :id order by line_no""")
                .param("id", id)
                .query((rs, i) -> new CountLineRow(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7), rs.getBoolean(8), rs.getBoolean(9)))
                .list();
    }

    /** Count ids, newest first, optionally of one status and location, keyset-paginated by id. */
    public List<UUID> counts(String status, UUID location, UUID before, int limit) {
        return jdbc.sql("""
                select id from inventory_count
                where (cast(:status as text) is null or status = :status)
                  and (cast(:location as uuid) is null or location_id = :location)
                  and (cast(:before as uuid) is null or id < :before)
                order by id desc limit :limit""")
                .param("status", status).param("location", location).param("before", before).param("limit", limit)
                .query(UUID.class).list();
    }

    /** Records the decision on a count; the caller holds its row lock. */
    public void decideCount(UUID id, String status, Instant at, String by) {
        jdbc.sql("""
                update inventory_count set status = :status, decided_at = :at, decided_by = :by, version = version + 1
                where id = :id""")
                .param("status", status).param("at", Timestamp.from(at)).param("by", by).param("id", id).update();
        if ("APPLIED".equals(status)) {
            jdbc.sql("update inventory_count_line set applied = true where count_id = :id").param("id", id).update();
        }
    }

    /** The as-of of the newest snapshot of a location, if any. */
    public Optional<Instant> lastSnapshot(UUID location) {
        return jdbc.sql("select max(as_of) from inventory_snapshot where location_id = :l")
                .param("l", location).query((rs, i) -> rs.getTimestamp(1)).optional()
                .filter(java.util.Objects::nonNull).map(Timestamp::toInstant);
    }

    public void insertSnapshot(UUID id, UUID locationId, String location, Instant asOf, int lines, int adjusted,
                               Instant receivedAt, String actor) {
        jdbc.sql("""
                insert into inventory_snapshot (id, location_id, location, as_of, lines, adjusted, received_at, actor)
                values (:id, :lid, :loc, :asOf, :lines, :adjusted, :at, :actor)""")
                .param("id", id).param("lid", locationId).param("loc", location).param("asOf", Timestamp.from(asOf))
                .param("lines", lines).param("adjusted", adjusted).param("at", Timestamp.from(receivedAt)).param("actor", actor)
                .update();
    }
}
