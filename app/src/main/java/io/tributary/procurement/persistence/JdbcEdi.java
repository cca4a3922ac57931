package io.tributary.procurement.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for EDI interchanges: outbound control numbers, the log of what was sent and received, purchase orders by number. */
@Repository
public class JdbcEdi {

    private final JdbcClient jdbc;

    JdbcEdi(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next outbound interchange control number: unique and increasing across instances (a sequence). */
    public long nextControlNumber() {
        return jdbc.sql("select nextval('edi_interchange_control_seq')").query(Long.class).single();
    }

    public void record(UUID id, String direction, String transactionSet, long controlNumber, String partnerId, UUID purchaseOrder,
                       Instant at, String actor) {
        jdbc.sql("""
                        insert into edi_interchange (id, direction, transaction_set, control_number, partner_id, purchase_order_id, at, actor)
                        values (:id, :direction, :set, :control, :partner, :po, :at, :actor)""")
                .param("id", id).param("direction", direction).param("set", transactionSet).param("control", controlNumber)
                .param("partner", partnerId).param("po", purchaseOrder).param("at", Timestamp.from(at)).param("actor", actor)
                .update();
    }

    public Optional<UUID> purchaseOrderByNumber(String number) {
        return jdbc.sql("select id from purchase_order where number = :number").param("number", number).query(UUID.class).optional();
    }
}
